import 'reflect-metadata';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { startDependencies } from '@yardmaster/config';
import { createServiceLog, startService, temporalLogSink } from '@yardmaster/messaging';
import { readSchedulerConfig } from './config';
import { SchedulerModule } from './scheduler.module';

void startService({
  name: 'scheduler',
  readConfig: readSchedulerConfig,
  module: (config) => SchedulerModule.forConfig(config),
  dependencies: startDependencies,
  prepare: (config) => {
    // Installed before its worker exists (scheduled-run/): the SDK's lines are the scheduler's JSON lines too, from WARN up.
    const log = createServiceLog({ service: 'scheduler', instanceId: config.schedulerId, level: config.shared.logLevel, onTerminal: process.stdout.isTTY === true });
    Runtime.install({ logger: new DefaultLogger('WARN', temporalLogSink(log)) });
  },
});
