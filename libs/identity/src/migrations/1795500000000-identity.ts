import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, groups, memberships, permission grants and API tokens. */
export class Identity1795500000000 implements MigrationInterface {
  name = 'Identity1795500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE,
        display_name text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        is_admin boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE group_memberships (
        group_id uuid NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        PRIMARY KEY (group_id, user_id)
      )`);
    await queryRunner.query(`CREATE INDEX group_memberships_user_idx ON group_memberships (user_id)`);
    await queryRunner.query(`
      CREATE TABLE permission_grants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid REFERENCES users (id) ON DELETE CASCADE,
        group_id uuid REFERENCES groups (id) ON DELETE CASCADE,
        permission text NOT NULL,
        scope jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT permission_grants_one_holder CHECK ((user_id IS NULL) <> (group_id IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX permission_grants_user_idx ON permission_grants (user_id)`);
    await queryRunner.query(`CREATE INDEX permission_grants_group_idx ON permission_grants (group_id)`);
    await queryRunner.query(`
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        prefix text NOT NULL,
        read_only boolean NOT NULL DEFAULT false,
        expires_at timestamptz,
        revoked_at timestamptz,
        last_used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX api_tokens_user_idx ON api_tokens (user_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['api_tokens', 'permission_grants', 'group_memberships', 'groups', 'users']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
