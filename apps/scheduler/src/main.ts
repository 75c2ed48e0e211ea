import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ServiceLogger } from '@yardmaster/messaging';
import { exitOnStartFailure, loadConfigOrExit, natsDependency, postgresDependency, temporalDependency } from '@yardmaster/config';
import { readSchedulerConfig, type SchedulerConfig } from './config';
import { SchedulerModule } from './scheduler.module';

async function main(config: SchedulerConfig): Promise<void> {
  const app = await NestFactory.createApplicationContext(SchedulerModule.forConfig(config), { logger: new ServiceLogger(), abortOnError: false });
  app.enableShutdownHooks();
}

const config = loadConfigOrExit('scheduler', readSchedulerConfig);
// A dependency that is down at start is one line naming it (exit 69), not Nest's stack of the driver's error.
main(config).catch((error: unknown) =>
  exitOnStartFailure('scheduler', error, [
    natsDependency(config.shared.natsUrl),
    postgresDependency(config.database.databaseUrl),
    temporalDependency(config.temporal.address),
  ]),
);
