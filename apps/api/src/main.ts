import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { startDependencies } from '@yardmaster/config';
import { startService } from '@yardmaster/messaging';
import { ApiModule } from './api.module';
import { readApiConfig, type ApiConfig } from './config';
import { configureHttpEdge } from './http/http-edge';
import { serveOpenApi } from './http/openapi';

void startService<ApiConfig, NestExpressApplication>({
  name: 'api',
  readConfig: readApiConfig,
  module: (config) => ApiModule.forConfig(config),
  // Temporal is only linked to, never called: the scheduler talks to it.
  dependencies: ({ shared, database }) => startDependencies({ shared, database }),
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
