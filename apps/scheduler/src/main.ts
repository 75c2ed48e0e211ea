import 'reflect-metadata';
import { natsDependency, postgresDependency, temporalDependency } from '@yardmaster/config';
import { startService } from '@yardmaster/messaging';
import { readSchedulerConfig } from './config';
import { SchedulerModule } from './scheduler.module';

void startService({
  name: 'scheduler',
  readConfig: readSchedulerConfig,
  module: (config) => SchedulerModule.forConfig(config),
  dependencies: (config) => [
    natsDependency(config.shared.natsUrl),
    postgresDependency(config.database.databaseUrl),
    temporalDependency(config.temporal.address),
  ],
});
