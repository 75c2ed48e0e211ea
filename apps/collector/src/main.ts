import 'reflect-metadata';
import { Runtime } from '@temporalio/worker';
import { startDependencies } from '@yardmaster/config';
import { createServiceLog, startService } from '@yardmaster/messaging';
import { CollectorModule } from './collector.module';
import { readCollectorConfig } from './config';
import { temporalLogger } from './worker/temporal-log';
import { EXIT_WORKFLOW_BUNDLE_MISSING, missingWorkflowBundleLine } from './worker/workflow-bundle';

void startService({
  name: 'collector',
  readConfig: readCollectorConfig,
  module: (config) => CollectorModule.forConfig(config),
  dependencies: startDependencies,
  prepare: (config) => {
    // Checked before anything connects: without its bundle no worker can start (a build that was skipped or failed).
    const bundleMissing = missingWorkflowBundleLine();
    if (bundleMissing) {
      process.stderr.write(`${bundleMissing}\n`);
      process.exit(EXIT_WORKFLOW_BUNDLE_MISSING);
    }
    // Installed before any worker exists: the SDK's lines are the collector's JSON lines too.
    const log = createServiceLog({ service: 'collector', instanceId: config.collectorId, level: config.shared.logLevel, onTerminal: process.stdout.isTTY === true });
    Runtime.install({ logger: temporalLogger(log) });
  },
});
