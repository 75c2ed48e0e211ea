import { Global, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createReadModelDataSource } from './data-source';

class DataSourceCloser implements OnApplicationShutdown {
  constructor(private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** Gives a NestJS application the read models' DataSource, initialised at start and closed at shutdown. */
@Global()
@Module({})
export class ReadModelsModule {
  static forRoot(options: { databaseUrl: string; applicationName: string }): DynamicModule {
    return {
      module: ReadModelsModule,
      providers: [
        {
          provide: DataSource,
          useFactory: () => createReadModelDataSource(options.databaseUrl, options.applicationName).initialize(),
        },
        { provide: DataSourceCloser, useFactory: (dataSource: DataSource) => new DataSourceCloser(dataSource), inject: [DataSource] },
      ],
      exports: [DataSource],
    };
  }
}
