import { createPostgresDataSource, type PostgresConnection } from '@yardmaster/database';
import type { DataSource } from 'typeorm';
import { ApiTokenRecord } from './entities/api-token.record';
import { GroupMembershipRecord } from './entities/group-membership.record';
import { GroupRecord } from './entities/group.record';
import { PermissionGrantRecord } from './entities/permission-grant.record';
import { UserRecord } from './entities/user.record';
import { Identity1795500000000 } from './migrations/1795500000000-identity';

/** The name services inject identity's DataSource by: `@InjectDataSource(IDENTITY)`. */
export const IDENTITY = 'identity';

/**
 * Identity's connection: the same database as the read models, but primary data with migrations of its own
 * (tracked in `identity_migrations`), so a read-model rebuild never touches users or tokens.
 */
export const IDENTITY_CONNECTION: PostgresConnection = {
  name: IDENTITY,
  entities: [UserRecord, GroupRecord, GroupMembershipRecord, PermissionGrantRecord, ApiTokenRecord],
  migrations: [Identity1795500000000],
  migrationsTableName: 'identity_migrations',
  poolSize: 5,
};

/** Identity's DataSource outside Nest (the migration tool, tests). */
export function createIdentityDataSource(databaseUrl: string, applicationName: string): DataSource {
  return createPostgresDataSource(IDENTITY_CONNECTION, { databaseUrl, applicationName });
}
