import { Module, type DynamicModule } from '@nestjs/common';
import { postgresDataModule, type PostgresTarget } from '@yardmaster/database';
import { READ_MODELS_CONNECTION } from './data-source';

/** Gives a NestJS application the read models' DataSource: `@InjectDataSource(READ_MODELS)`. */
@Module({})
export class ReadModelsModule {
  static forRoot(target: PostgresTarget): DynamicModule {
    return postgresDataModule(ReadModelsModule, READ_MODELS_CONNECTION, target);
  }
}
