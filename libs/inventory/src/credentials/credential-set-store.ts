import { randomUUID } from 'node:crypto';
import { CREDENTIAL_KINDS, ErrorCode, isUuid, YardError, type CredentialKind, type CredentialSetView, type SealedValue } from '@yardmaster/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { likePatternContaining } from '../collections/sql-text';
import type { ListWindow } from '../collections/list-options';
import { readCredentialSetChange, type CredentialSetChange, type CredentialSetCurrent } from './credential-set-input';
import { CredentialSetRecord } from './credential-set.record';
import { credentialSetInUse, type CredentialSetUsers, credentialSetNameTaken, credentialSetNotFound, translateCredentialSetError } from './credential-set-errors';
import { credentialSetViewOf } from './credential-set-view';
import { credentialSealingContext, type SecretSealer } from './secret-sealer';

export interface CredentialSetFilter {
  /** Part of the name, any case. */
  readonly q?: string;
  readonly kind?: CredentialKind;
}

/** A committed change: the set as it is now, and the fields the request gave (secrets by name only). */
export interface CredentialSetChanged {
  readonly view: CredentialSetView;
  readonly changed: readonly string[];
}

/**
 * Credential sets as people manage them: create, change and delete, each in a transaction of its own, secrets
 * sealed before they are stored and never opened here. Opening is `CredentialVault`'s, in the collector only.
 */
export class CredentialSetStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sealer: SecretSealer,
  ) {}

  async find(filter: CredentialSetFilter, window: ListWindow): Promise<{ items: CredentialSetView[]; total: number }> {
    if (filter.kind !== undefined && !(CREDENTIAL_KINDS as readonly string[]).includes(filter.kind)) {
      throw new YardError(ErrorCode.ValidationFailed, 'Invalid filter', [{ field: 'kind', message: `must be one of ${CREDENTIAL_KINDS.join(', ')}` }]);
    }
    const query = this.dataSource.getRepository(CredentialSetRecord).createQueryBuilder('credentialSet');
    if (filter.q) query.andWhere('credentialSet.name ILIKE :q', { q: likePatternContaining(filter.q) });
    if (filter.kind) query.andWhere('credentialSet.kind = :kind', { kind: filter.kind });
    const total = await query.getCount();
    const rows = await query.orderBy('credentialSet.name', 'ASC').addOrderBy('credentialSet.id', 'ASC').limit(window.limit).offset(window.offset).getMany();
    return { items: rows.map(credentialSetViewOf), total };
  }

  /** By id, or by name (any case): devices name their set. */
  async get(idOrName: string): Promise<CredentialSetView> {
    return credentialSetViewOf(await this.loadOrFail(this.dataSource.manager, idOrName));
  }

  async create(input: unknown): Promise<CredentialSetChanged> {
    const change = readCredentialSetChange(input, null);
    const id = randomUUID();
    return this.write(change.name, 'rename', async (manager) => {
      await this.refuseTakenName(manager, id, change.name);
      const now = new Date();
      const record = manager.getRepository(CredentialSetRecord).create({
        id,
        name: change.name,
        kind: change.kind,
        description: change.description,
        settings: change.settings,
        secrets: this.sealedSecrets(id, change, {}),
        createdAt: now,
        updatedAt: now,
      });
      await manager.getRepository(CredentialSetRecord).insert(record);
      return { view: credentialSetViewOf(record), changed: change.changed };
    });
  }

  /** Changes the fields given; a secret given replaces the stored one, `null` clears an optional one. */
  async update(idOrName: string, patch: unknown): Promise<CredentialSetChanged> {
    return this.write(idOrName, 'rename', async (manager) => {
      const record = await this.loadOrFail(manager, idOrName, true);
      const change = readCredentialSetChange(patch, currentOf(record));
      if (change.name !== record.name) {
        await this.refuseTakenName(manager, record.id, change.name);
        const users = await usersOf(manager, record.name);
        if (users.devices + users.plans > 0) throw credentialSetInUse(record.name, users, 'rename');
      }
      const next = { name: change.name, description: change.description, settings: change.settings, secrets: this.sealedSecrets(record.id, change, record.secrets), updatedAt: new Date() };
      await manager.getRepository(CredentialSetRecord).update({ id: record.id }, next);
      return { view: credentialSetViewOf({ ...record, ...next }), changed: change.changed };
    });
  }

  /** Refused (409 `CREDENTIAL_SET_IN_USE`) while a device or a collection plan names the set. */
  async delete(idOrName: string): Promise<CredentialSetView> {
    return this.write(idOrName, 'delete', async (manager) => {
      const record = await this.loadOrFail(manager, idOrName, true);
      const users = await usersOf(manager, record.name);
      if (users.devices + users.plans > 0) throw credentialSetInUse(record.name, users, 'delete');
      await manager.getRepository(CredentialSetRecord).delete({ id: record.id });
      return credentialSetViewOf(record);
    });
  }

  private async write<T>(name: string, action: 'delete' | 'rename', work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      throw translateCredentialSetError(error, name, action);
    }
  }

  /** Seals each secret written; keeps the sealed value of each kept; leaves out each cleared. */
  private sealedSecrets(id: string, change: CredentialSetChange, stored: Readonly<Record<string, SealedValue>>): Record<string, SealedValue> {
    const sealed: Record<string, SealedValue> = {};
    for (const [field, secret] of Object.entries(change.secrets)) {
      if (secret === 'keep') sealed[field] = stored[field]!;
      else if (secret !== 'clear') sealed[field] = this.sealer.seal(secret.write, credentialSealingContext(id, field));
    }
    return sealed;
  }

  private async loadOrFail(manager: EntityManager, idOrName: string, forUpdate = false): Promise<CredentialSetRecord> {
    const query = manager.getRepository(CredentialSetRecord).createQueryBuilder('credentialSet');
    if (isUuid(idOrName)) query.where('credentialSet.id = :id', { id: idOrName });
    else query.where('lower(credentialSet.name) = lower(:name)', { name: idOrName });
    // A change locks the row: two patches of one set's secrets must not interleave their reads and writes.
    if (forUpdate) query.setLock('pessimistic_write');
    const record = await query.getOne();
    if (!record) throw credentialSetNotFound(idOrName);
    return record;
  }

  private async refuseTakenName(manager: EntityManager, id: string, name: string): Promise<void> {
    const clash = await manager
      .getRepository(CredentialSetRecord)
      .createQueryBuilder('credentialSet')
      .where('credentialSet.id <> :id', { id })
      .andWhere('lower(credentialSet.name) = lower(:name)', { name })
      .getOne();
    if (clash) throw credentialSetNameTaken(name, clash.id);
  }
}

function currentOf(record: CredentialSetRecord): CredentialSetCurrent {
  return { name: record.name, kind: record.kind, description: record.description, settings: record.settings, secretsSet: new Set(Object.keys(record.secrets)) };
}

/** How many devices name the set in `management.credentialsRef` (the indexed `credentials_ref`), and how many collection plans. */
async function usersOf(manager: EntityManager, name: string): Promise<CredentialSetUsers> {
  const [row] = (await manager.query(
    `SELECT (SELECT count(*)::int FROM inventory_devices WHERE credentials_ref = $1) AS devices,
            (SELECT count(*)::int FROM collection_plans WHERE credentials_ref = $1) AS plans`,
    [name],
  )) as Array<CredentialSetUsers>;
  return row ?? { devices: 0, plans: 0 };
}
