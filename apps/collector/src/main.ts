import 'reflect-metadata';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { limitHeapGrowth, startDependencies } from '@yardmaster/config';
import { createServiceLog, startService, temporalLogSink } from '@yardmaster/messaging';
import { CollectorModule } from './collector.module';
import { readCollectorConfig } from './config';
import { EXIT_WORKFLOW_BUNDLE_MISSING, missingWorkflowBundleLine, TRACED_WORKFLOW_BUNDLE_PATH, WORKFLOW_BUNDLE_PATH } from './worker/workflow-bundle';

// Before anything allocates: the log path's promoted garbage would otherwise grow the heap by ~200 MB under load.
limitHeapGrowth();

void startService({
  name: 'collector',
  readConfig: readCollectorConfig,
  module: (config) => CollectorModule.forConfig(config),
  dependencies: startDependencies,
  prepare: (config) => {
    // Checked before anything connects: without its bundle no worker can start (a build that was skipped or failed).
    // With tracing on the workers load the traced bundle instead.
    const bundleMissing = missingWorkflowBundleLine(config.shared.tracing ? TRACED_WORKFLOW_BUNDLE_PATH : WORKFLOW_BUNDLE_PATH);
    if (bundleMissing) {
      process.stderr.write(`${bundleMissing}\n`);
      process.exit(EXIT_WORKFLOW_BUNDLE_MISSING);
    }
    // Installed before any worker exists: the SDK's lines are the collector's JSON lines too.
    const log = createServiceLog({ service: 'collector', instanceId: config.collectorId, level: config.shared.logLevel, onTerminal: process.stdout.isTTY === true });
    // From WARN up: the SDK reports every bundle and state change at INFO.
    Runtime.install({ logger: new DefaultLogger('WARN', temporalLogSink(log)) });
  },
});
