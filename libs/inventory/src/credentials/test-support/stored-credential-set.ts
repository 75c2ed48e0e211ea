import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * A valid SNMP v2c credential set row, written straight to the table, for the inventory's own tests: they check
 * references, renames and deletions, which never open a secret, so its community is a placeholder that would not
 * open (no key sealed it).
 */
export async function storeCredentialSetRow(dataSource: DataSource, name: string): Promise<string> {
  const id = randomUUID();
  await dataSource.query(`INSERT INTO inventory_credential_sets (id, name, kind, settings, secrets) VALUES ($1, $2, 'snmp_v2c', '{}', $3)`, [
    id,
    name,
    JSON.stringify({ community: { $sealed: 'not-sealed-by-any-key' } }),
  ]);
  return id;
}
