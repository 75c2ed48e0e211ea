/**
 * The identity entities map the schema the migrations build. Against a freshly migrated database of its own,
 * TypeORM's schema builder may only want to drop what the migrations alone declare (foreign keys, indexes, check
 * constraints, unique keys and defaults the entities leave to the database); a column decorator that maps a type,
 * name, nullability, default or key differently from the migrations adds a statement here and fails the test.
 */
import { createEmptyTestDatabase } from '@yardmaster/testing-core';
import { schemaDriftAfterMigrations } from '@yardmaster/database';
import { createIdentityDataSource } from '../data-source';

jest.setTimeout(30_000);

/** What only the migrations declare, as the schema builder would drop it (sorted). */
const ONLY_IN_MIGRATIONS = [
  `ALTER TABLE "api_tokens" DROP CONSTRAINT "api_tokens_user_id_fkey"`,
  `ALTER TABLE "group_memberships" DROP CONSTRAINT "group_memberships_group_id_fkey"`,
  `ALTER TABLE "group_memberships" DROP CONSTRAINT "group_memberships_user_id_fkey"`,
  `ALTER TABLE "permission_grants" DROP CONSTRAINT "permission_grants_group_id_fkey"`,
  `ALTER TABLE "permission_grants" DROP CONSTRAINT "permission_grants_one_holder"`,
  `ALTER TABLE "permission_grants" DROP CONSTRAINT "permission_grants_user_id_fkey"`,
  `DROP INDEX "public"."api_tokens_user_idx"`,
  `DROP INDEX "public"."group_memberships_user_idx"`,
  `DROP INDEX "public"."permission_grants_group_idx"`,
  `DROP INDEX "public"."permission_grants_user_idx"`,
];

describe('identity entities', () => {
  it('differ from the migrated schema only by what the migrations alone declare', async () => {
    const db = await createEmptyTestDatabase();
    try {
      await expect(schemaDriftAfterMigrations(createIdentityDataSource(db.url, 'identity-schema-tests'))).resolves.toEqual(ONLY_IN_MIGRATIONS);
    } finally {
      await db.drop();
    }
  });
});
