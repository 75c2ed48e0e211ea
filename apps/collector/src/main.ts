import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ServiceLogger } from '@yardmaster/messaging';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { exitOnStartFailure, loadConfigOrExit, natsDependency, postgresDependency, temporalDependency } from '@yardmaster/config';
import { CollectorModule } from './collector.module';
import { readCollectorConfig, type CollectorConfig } from './config';
import { EXIT_WORKFLOW_BUNDLE_MISSING, missingWorkflowBundleLine } from './worker/workflow-bundle';

async function main(config: CollectorConfig): Promise<void> {
  // The SDK logs every bundle and state change at INFO; warnings and errors are what an operator needs here.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const app = await NestFactory.createApplicationContext(CollectorModule.forConfig(config), { logger: new ServiceLogger(), abortOnError: false });
  app.enableShutdownHooks();
}

const config = loadConfigOrExit('collector', readCollectorConfig);
// Checked before anything connects: without its bundle no worker can start (a build that was skipped or failed).
const bundleMissing = missingWorkflowBundleLine();
if (bundleMissing) {
  process.stderr.write(`${bundleMissing}\n`);
  process.exit(EXIT_WORKFLOW_BUNDLE_MISSING);
}
// A dependency that is down at start is one line naming it (exit 69), not Nest's stack of the driver's error.
main(config).catch((error: unknown) =>
  exitOnStartFailure('collector', error, [
    natsDependency(config.shared.natsUrl),
    postgresDependency(config.database.databaseUrl),
    temporalDependency(config.temporal.address),
  ]),
);
