import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { loadConfigOrExit } from '@yardmaster/config';
import { CollectorModule } from './collector.module';
import { readCollectorConfig } from './config';

async function main(): Promise<void> {
  const config = loadConfigOrExit('collector', readCollectorConfig);
  // The SDK logs every bundle and state change at INFO; warnings and errors are what an operator needs here.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const app = await NestFactory.createApplicationContext(CollectorModule.forConfig(config), { logger: ['log', 'warn', 'error'] });
  app.enableShutdownHooks();
}

main().catch((error: unknown) => {
  process.stderr.write(`yardmaster collector: failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
