import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@yardmaster/config';
import { CollectorModule } from './collector.module';
import { readCollectorConfig } from './config';

async function main(): Promise<void> {
  const config = loadConfigOrExit('collector', readCollectorConfig);
  const app = await NestFactory.createApplicationContext(CollectorModule.forConfig(config), { logger: ['log', 'warn', 'error'] });
  app.enableShutdownHooks();
}

main().catch((error: unknown) => {
  process.stderr.write(`yardmaster collector: failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
