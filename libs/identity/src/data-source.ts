import { DataSource } from 'typeorm';
import { ApiTokenRecord } from './entities/api-token.record';
import { GroupMembershipRecord } from './entities/group-membership.record';
import { GroupRecord } from './entities/group.record';
import { PermissionGrantRecord } from './entities/permission-grant.record';
import { UserRecord } from './entities/user.record';
import { Identity1795500000000 } from './migrations/1795500000000-identity';

export const IDENTITY_ENTITIES = [UserRecord, GroupRecord, GroupMembershipRecord, PermissionGrantRecord, ApiTokenRecord];
export const IDENTITY_MIGRATIONS = [Identity1795500000000];

/**
 * Identity's DataSource: the same database as the read models, but primary data with migrations of its own
 * (tracked in `identity_migrations`), so a read-model rebuild never touches users or tokens.
 */
export function createIdentityDataSource(databaseUrl: string, applicationName: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl,
    applicationName,
    entities: IDENTITY_ENTITIES,
    migrations: IDENTITY_MIGRATIONS,
    migrationsTableName: 'identity_migrations',
    synchronize: false,
    extra: { max: 5 },
  });
}

/** Applies pending migrations, each in its own transaction; returns the names of those applied. */
export async function migrateIdentity(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}
