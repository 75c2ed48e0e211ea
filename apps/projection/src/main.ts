import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ServiceLogger } from '@yardmaster/messaging';
import { exitOnStartFailure, loadConfigOrExit, natsDependency, postgresDependency } from '@yardmaster/config';
import { readProjectionConfig, type ProjectionConfig } from './config';
import { ProjectionModule } from './projection.module';

async function main(config: ProjectionConfig): Promise<void> {
  const app = await NestFactory.createApplicationContext(ProjectionModule.forConfig(config), { logger: new ServiceLogger(), abortOnError: false });
  app.enableShutdownHooks();
}

const config = loadConfigOrExit('projection', readProjectionConfig);
// A dependency that is down at start is one line naming it (exit 69), not Nest's stack of the driver's error.
main(config).catch((error: unknown) =>
  exitOnStartFailure('projection', error, [
    natsDependency(config.shared.natsUrl),
    postgresDependency(config.database.databaseUrl),
  ]),
);
