import type { DynamicModule, Provider, Type } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { postgresOptions, type PostgresConnection, type PostgresTarget } from './postgres-connection';

/** A class built on one DataSource alone (a store, a directory): the connection's module provides it. */
export type DataSourceService = new (dataSource: DataSource) => object;

/**
 * The connection as a Nest module: opened while the application starts, destroyed by Nest at shutdown, injected
 * with `@InjectDataSource(connection.name)`. A database that cannot be reached at start fails the start at once,
 * with no retry: the service then says so in one line and exits 69 (`exitOnStartFailure`). Once started, an outage
 * is the callers' to wait out (`isDatabaseUnavailable`).
 */
export function postgresConnectionModule(connection: PostgresConnection, target: PostgresTarget): DynamicModule {
  return TypeOrmModule.forRootAsync({
    name: connection.name,
    // The name again in the options: the module's shutdown hook finds the DataSource to destroy by it.
    useFactory: () => ({ ...postgresOptions(connection, target), name: connection.name, toRetry: () => false }),
  });
}

/** A library's module: its connection, and the services built on it, which every module of the application sees. */
export function postgresDataModule(module: Type, connection: PostgresConnection, target: PostgresTarget, services: readonly DataSourceService[] = []): DynamicModule {
  const providers: Provider[] = services.map((service) => ({
    provide: service,
    useFactory: (dataSource: DataSource) => new service(dataSource),
    inject: [getDataSourceToken(connection.name)],
  }));
  return { module, global: true, imports: [postgresConnectionModule(connection, target)], providers, exports: [...services] };
}
