import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@yardmaster/config';
import { readSchedulerConfig } from './config';
import { SchedulerModule } from './scheduler.module';

async function main(): Promise<void> {
  const config = loadConfigOrExit('scheduler', readSchedulerConfig);
  const app = await NestFactory.createApplicationContext(SchedulerModule.forConfig(config), { logger: ['log', 'warn', 'error'] });
  app.enableShutdownHooks();
}

main().catch((error: unknown) => {
  process.stderr.write(`yardmaster scheduler: failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
