import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { API_CONTROLLERS } from '../api.module';
import { declaredRoutes } from '../auth/declared-routes';
import { describeResponses } from './openapi-responses';

/**
 * The OpenAPI document of the app's routes, with what every route may answer besides success (401, 403, 429, 503 on
 * each route that needs a token, 400 and 413 where input comes in, each with the error body's schema).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Yardmaster')
      .setDescription('Run network automation jobs and watch them: runs are Temporal workflows, every change is an event.')
      .setVersion('0.1.0')
      // Every route but health needs `Authorization: Bearer <token>`; the UI's Authorize button sends it.
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API token (POST /api/me/tokens, or from an administrator)' })
      .build(),
  );
  return describeResponses(document, declaredRoutes(API_CONTROLLERS));
}

/** Serves the OpenAPI UI at /api/docs and the spec at /api/docs-json. */
export function serveOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json', swaggerOptions: { validatorUrl: null } });
}
