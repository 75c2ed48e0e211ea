import { SECRET_FIELDS, type OpenedCredentials, type SnmpAuthProtocol, type SnmpPrivProtocol, type SnmpSecurityLevel } from '@yardmaster/contracts';
import type { DataSource } from 'typeorm';
import { CredentialSetRecord } from './credential-set.record';
import { credentialSetNotFound, CredentialSetUnreadableError } from './credential-set-errors';
import { credentialSealingContext, type SecretSealer } from './secret-sealer';

/**
 * Opens credential sets for the collector: the one place a secret is read back in clear.
 *
 * The rule: call `open` only inside an activity, right before the device session that needs it, and let what it
 * answers go when the session ends. Never pass it to or from a workflow (input, result, signal, query, memo,
 * search attribute): workflow history is stored in Temporal, readable by whoever reads Temporal, and kept. A
 * workflow passes the set's name (`management.credentialsRef`), never its contents. Never log it, nor put it in
 * an event or an error message.
 */
export class CredentialVault {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sealer: SecretSealer,
  ) {}

  /** The set by its exact name, as devices name it; `CREDENTIAL_SET_NOT_FOUND` when none has it. */
  async open(name: string): Promise<OpenedCredentials> {
    const record = await this.dataSource.getRepository(CredentialSetRecord).findOneBy({ name });
    if (!record) throw credentialSetNotFound(name);
    const secrets = this.openSecrets(record);
    const settings = record.settings;
    switch (record.kind) {
      case 'snmp_v2c':
        return { kind: 'snmp_v2c', name: record.name, community: secrets.community! };
      case 'snmp_v3':
        return {
          kind: 'snmp_v3',
          name: record.name,
          username: settings.username!,
          securityLevel: settings.securityLevel as SnmpSecurityLevel,
          auth: secrets.authKey ? { protocol: settings.authProtocol as SnmpAuthProtocol, key: secrets.authKey } : null,
          priv: secrets.privKey ? { protocol: settings.privProtocol as SnmpPrivProtocol, key: secrets.privKey } : null,
        };
      case 'ssh':
        return {
          kind: 'ssh',
          name: record.name,
          username: settings.username!,
          password: secrets.password ?? null,
          privateKey: secrets.privateKey ?? null,
          passphrase: secrets.passphrase ?? null,
          // Only when set: a set without one opens as it did before the field existed.
          ...(secrets.enableSecret ? { enableSecret: secrets.enableSecret } : {}),
        };
    }
  }

  private openSecrets(record: CredentialSetRecord): Partial<Record<string, string>> {
    const opened: Partial<Record<string, string>> = {};
    for (const field of SECRET_FIELDS[record.kind] as readonly string[]) {
      const sealed = record.secrets[field];
      if (!sealed) continue;
      try {
        opened[field] = this.sealer.open(sealed, credentialSealingContext(record.id, field)) as string;
      } catch {
        throw new CredentialSetUnreadableError(record.name, field);
      }
    }
    return opened;
  }
}
