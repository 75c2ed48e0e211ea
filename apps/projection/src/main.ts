import 'reflect-metadata';
import { limitHeapGrowth, startDependencies } from '@yardmaster/config';
import { startService } from '@yardmaster/messaging';
import { readProjectionConfig } from './config';
import { ProjectionModule } from './projection.module';

// Before anything allocates: each message lives from its arrival through its batch's commit and ack, long enough to be
// promoted and die in the old generation, which V8 would otherwise let grow to ~95 MB of garbage between collections.
limitHeapGrowth();

void startService({
  name: 'projection',
  readConfig: readProjectionConfig,
  module: (config) => ProjectionModule.forConfig(config),
  dependencies: startDependencies,
});
