import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ServiceLogger } from '@yardmaster/messaging';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { exitOnStartFailure, loadConfigOrExit, natsDependency, postgresDependency } from '@yardmaster/config';
import { ApiModule } from './api.module';
import { readApiConfig, type ApiConfig } from './config';
import { configureHttpEdge } from './http/http-edge';
import { serveOpenApi } from './http/openapi';

async function main(config: ApiConfig): Promise<void> {
  // The body parsers are configureHttpEdge's, with their limits.
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forConfig(config), { logger: new ServiceLogger(), bodyParser: false, abortOnError: false });
  configureHttpEdge(app, config);
  app.enableShutdownHooks();
  serveOpenApi(app);
  await app.listen(config.port, config.host);
  process.stdout.write(`yardmaster api: listening on http://${config.host}:${config.port} (docs at /api/docs)\n`);
}

const config = loadConfigOrExit('api', readApiConfig);
// A dependency that is down at start is one line naming it (exit 69), not Nest's stack of the driver's error.
main(config).catch((error: unknown) =>
  exitOnStartFailure('api', error, [
    natsDependency(config.shared.natsUrl),
    postgresDependency(config.database.databaseUrl),
  ]),
);
