import { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';

/**
 * What a library that owns tables declares once: the name services inject its DataSource by, its entities, and
 * its migrations with a table of their own, so that rebuilding the read models never touches primary data.
 */
export interface PostgresConnection {
  /** The connection's name: `@InjectDataSource(name)` in a service. */
  readonly name: string;
  readonly entities: NonNullable<PostgresDataSourceOptions['entities']>;
  readonly migrations: NonNullable<PostgresDataSourceOptions['migrations']>;
  readonly migrationsTableName: string;
  /** Each connection has a pool of its own: the most connections it holds open. */
  readonly poolSize: number;
}

/** Where a connection goes and how it names itself to Postgres (`pg_stat_activity.application_name`). */
export interface PostgresTarget {
  readonly databaseUrl: string;
  readonly applicationName: string;
}

/** The schema comes from migrations only, run on purpose (`npm run migrate`): TypeORM never rewrites it. */
export function postgresOptions(connection: PostgresConnection, target: PostgresTarget): PostgresDataSourceOptions {
  return {
    type: 'postgres',
    url: target.databaseUrl,
    applicationName: target.applicationName,
    entities: connection.entities,
    migrations: connection.migrations,
    migrationsTableName: connection.migrationsTableName,
    migrationsRun: false,
    synchronize: false,
    extra: { max: connection.poolSize },
  };
}

/** A DataSource outside Nest (the migration tool, tests); the caller initialises and destroys it. */
export function createPostgresDataSource(connection: PostgresConnection, target: PostgresTarget): DataSource {
  return new DataSource(postgresOptions(connection, target));
}
