import 'reflect-metadata';
import { startDependencies } from '@yardmaster/config';
import { startService } from '@yardmaster/messaging';
import { readProjectionConfig } from './config';
import { ProjectionModule } from './projection.module';

void startService({
  name: 'projection',
  readConfig: readProjectionConfig,
  module: (config) => ProjectionModule.forConfig(config),
  dependencies: startDependencies,
});
