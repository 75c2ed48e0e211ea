import type { OnApplicationShutdown, Provider } from '@nestjs/common';
import { createIdentityDataSource, GroupDirectory, TokenAuthenticator, TokenIssuer, UserDirectory } from '@yardmaster/identity';
import type { DataSource } from 'typeorm';
import { API_CONFIG } from '../api-config.token';
import type { ApiConfig } from '../config';

/** Identity's own DataSource: its tables share the database, not the read models' connection pool. */
export const IDENTITY_DATA_SOURCE = Symbol('IDENTITY_DATA_SOURCE');

class IdentityDataSourceCloser implements OnApplicationShutdown {
  constructor(private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

export const IDENTITY_PROVIDERS: Provider[] = [
  {
    provide: IDENTITY_DATA_SOURCE,
    useFactory: (config: ApiConfig) => createIdentityDataSource(config.database.databaseUrl, 'yardmaster-api-identity').initialize(),
    inject: [API_CONFIG],
  },
  { provide: IdentityDataSourceCloser, useFactory: (dataSource: DataSource) => new IdentityDataSourceCloser(dataSource), inject: [IDENTITY_DATA_SOURCE] },
  { provide: TokenAuthenticator, useFactory: (dataSource: DataSource) => new TokenAuthenticator(dataSource), inject: [IDENTITY_DATA_SOURCE] },
  { provide: UserDirectory, useFactory: (dataSource: DataSource) => new UserDirectory(dataSource), inject: [IDENTITY_DATA_SOURCE] },
  { provide: GroupDirectory, useFactory: (dataSource: DataSource) => new GroupDirectory(dataSource), inject: [IDENTITY_DATA_SOURCE] },
  { provide: TokenIssuer, useFactory: (dataSource: DataSource) => new TokenIssuer(dataSource), inject: [IDENTITY_DATA_SOURCE] },
];
