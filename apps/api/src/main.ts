import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfigOrExit } from '@yardmaster/config';
import { ApiModule } from './api.module';
import { readApiConfig } from './config';
import { configureHttpEdge } from './http/http-edge';
import { serveOpenApi } from './http/openapi';

async function main(): Promise<void> {
  const config = loadConfigOrExit('api', readApiConfig);
  // The body parsers are configureHttpEdge's, with their limits.
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forConfig(config), { logger: ['log', 'warn', 'error'], bodyParser: false });
  configureHttpEdge(app, config);
  app.enableShutdownHooks();
  serveOpenApi(app);
  await app.listen(config.port, config.host);
  process.stdout.write(`yardmaster api: listening on http://${config.host}:${config.port} (docs at /api/docs)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`yardmaster api: failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
