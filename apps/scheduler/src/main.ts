import 'reflect-metadata';
import { startDependencies } from '@yardmaster/config';
import { startService } from '@yardmaster/messaging';
import { readSchedulerConfig } from './config';
import { SchedulerModule } from './scheduler.module';

void startService({
  name: 'scheduler',
  readConfig: readSchedulerConfig,
  module: (config) => SchedulerModule.forConfig(config),
  dependencies: startDependencies,
});
