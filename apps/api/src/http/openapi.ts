import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Serves the OpenAPI UI at /api/docs and the spec at /api/docs-json. */
export function serveOpenApi(app: INestApplication): void {
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
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
