import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { natsDependency, postgresDependency } from '@yardmaster/config';
import { startService } from '@yardmaster/messaging';
import { ApiModule } from './api.module';
import { readApiConfig, type ApiConfig } from './config';
import { configureHttpEdge } from './http/http-edge';
import { serveOpenApi } from './http/openapi';

void startService<ApiConfig, NestExpressApplication>({
  name: 'api',
  readConfig: readApiConfig,
  module: (config) => ApiModule.forConfig(config),
  dependencies: (config) => [natsDependency(config.shared.natsUrl), postgresDependency(config.database.databaseUrl)],
  http: {
    // The body parsers are configureHttpEdge's, with their limits.
    options: { bodyParser: false },
    configure: (app, config) => {
      configureHttpEdge(app, config);
      serveOpenApi(app);
    },
    // The host defaults to loopback (YARD_API_HOST): the API is exposed only when asked to be.
    listen: (config) => ({
      host: config.host,
      port: config.port,
      announce: `yardmaster api: listening on http://${config.host}:${config.port} (docs at /api/docs)`,
    }),
  },
});
