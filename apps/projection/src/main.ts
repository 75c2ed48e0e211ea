import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@yardmaster/config';
import { readProjectionConfig } from './config';
import { ProjectionModule } from './projection.module';

async function main(): Promise<void> {
  const config = loadConfigOrExit('projection', readProjectionConfig);
  const app = await NestFactory.createApplicationContext(ProjectionModule.forConfig(config), { logger: ['log', 'warn', 'error'] });
  app.enableShutdownHooks();
}

main().catch((error: unknown) => {
  process.stderr.write(`yardmaster projection: failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
