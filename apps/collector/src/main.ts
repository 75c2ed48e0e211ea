import 'reflect-metadata';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { natsDependency, postgresDependency, temporalDependency } from '@yardmaster/config';
import { startService } from '@yardmaster/messaging';
import { CollectorModule } from './collector.module';
import { readCollectorConfig } from './config';
import { EXIT_WORKFLOW_BUNDLE_MISSING, missingWorkflowBundleLine } from './worker/workflow-bundle';

void startService({
  name: 'collector',
  readConfig: readCollectorConfig,
  module: (config) => CollectorModule.forConfig(config),
  dependencies: (config) => [
    natsDependency(config.shared.natsUrl),
    postgresDependency(config.database.databaseUrl),
    temporalDependency(config.temporal.address),
  ],
  prepare: () => {
    // Checked before anything connects: without its bundle no worker can start (a build that was skipped or failed).
    const bundleMissing = missingWorkflowBundleLine();
    if (bundleMissing) {
      process.stderr.write(`${bundleMissing}\n`);
      process.exit(EXIT_WORKFLOW_BUNDLE_MISSING);
    }
    // The SDK logs every bundle and state change at INFO; warnings and errors are what an operator needs here.
    Runtime.install({ logger: new DefaultLogger('WARN') });
  },
});
