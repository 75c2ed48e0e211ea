import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { OpenAPIObject } from '@nestjs/swagger';
import { API_CONTROLLERS } from '../api.module';
import { declaredRoutes } from '../auth/declared-routes';
import {
  auditEntryViewSchema,
  groupViewSchema,
  issuedTokenViewSchema,
  jobViewSchema,
  meViewSchema,
  openApiSchemaOf,
  pageSchema,
  parkedEventListViewSchema,
  replayParkedResultSchema,
  rebuildReportSchema,
  runViewSchema,
  startRunBodySchema,
  tokenListViewSchema,
  userViewSchema,
} from '@yardmaster/contracts';
import { buildOpenApiDocument } from './openapi';

let app: INestApplication;
let document: OpenAPIObject;

beforeAll(async () => {
  // The controllers alone, every dependency a stand-in: the document is read from their metadata, nothing runs.
  const moduleRef = await Test.createTestingModule({ controllers: [...API_CONTROLLERS] })
    .useMocker(() => ({}))
    .compile();
  app = moduleRef.createNestApplication({ logger: false });
  document = buildOpenApiDocument(app);
});

afterAll(async () => {
  await app?.close();
});

function operationOf(method: string, path: string) {
  const operation = (document.paths[path] as Record<string, { responses: Record<string, any>; operationId?: string; security?: unknown }> | undefined)?.[method];
  if (!operation) throw new Error(`the document has no ${method.toUpperCase()} ${path}`);
  return operation;
}

const routes = () => declaredRoutes(API_CONTROLLERS);

describe('the OpenAPI document', () => {
  it('has an operation for every route, each with its own operationId', () => {
    const ids = routes().map(({ method, path }) => operationOf(method, path).operationId);

    expect(routes().length).toBeGreaterThan(30);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents 401, 403, 429 and 503, with the error body, on every route that needs a token', () => {
    const missing = routes()
      .filter(({ access }) => access?.kind !== 'public')
      .flatMap(({ method, path }) =>
        ['401', '403', '429', '503']
          .filter((status) => operationOf(method, path).responses[status]?.content?.['application/json']?.schema?.$ref !== '#/components/schemas/ErrorBody')
          .map((status) => `${method.toUpperCase()} ${path} ${status}`),
      );

    expect(missing).toEqual([]);
  });

  it('asks for the bearer token on every route that needs one, and on no other', () => {
    for (const { method, path, access } of routes()) {
      expect([method, path, operationOf(method, path).security]).toEqual([method, path, access?.kind === 'public' ? undefined : [{ bearer: [] }]]);
    }
  });

  it('gives every error response the error body as JSON, with its stable codes', () => {
    const errorBody = document.components?.schemas?.['ErrorBody'] as { required: string[]; properties: { code: { enum: string[] } } };
    expect(errorBody.required).toEqual(['code', 'message', 'correlationId']);
    expect(errorBody.properties.code.enum).toEqual(expect.arrayContaining(['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE', 'TOO_MANY_REQUESTS', 'SERVICE_UNAVAILABLE']));

    for (const { method, path, access } of routes()) {
      if (access?.kind === 'public') continue;
      for (const [status, response] of Object.entries(operationOf(method, path).responses)) {
        if (Number(status) >= 400) expect([method, path, status, Object.keys(response.content ?? {})]).toEqual([method, path, status, ['application/json']]);
      }
    }
  });

  it('documents 400 where input comes in and 413 where a body does', () => {
    expect(operationOf('post', '/api/jobs/{jobId}/runs').responses).toEqual(expect.objectContaining({ '400': expect.anything(), '413': expect.anything() }));
    expect(operationOf('get', '/api/users/{username}').responses['400']).toBeDefined();
    expect(operationOf('post', '/api/me/tokens').responses['413']).toBeDefined();
    expect(operationOf('get', '/api/me').responses['400']).toBeUndefined();
  });

  it('describes the event streams as text/event-stream, each event as an id, a type and the event as JSON', () => {
    for (const path of ['/api/events', '/api/runs/{runId}/events']) {
      const { content } = operationOf('get', path).responses['200'];
      expect([path, Object.keys(content)]).toEqual([path, ['text/event-stream']]);
      expect(content['text/event-stream']).toMatchObject({ schema: { type: 'string', format: 'event-stream' }, 'x-itemSchema': { $ref: '#/components/schemas/RunServerSentEvent' } });
    }
    expect(document.components?.schemas?.['RunServerSentEvent']).toMatchObject({ required: ['id', 'event', 'data'] });
  });

  it('describes the run request and the views with the schemas the API checks and answers with, from the contracts', () => {
    const body = (document.paths['/api/jobs/{jobId}/runs']?.post?.requestBody as { content: Record<string, { schema: unknown }> }).content['application/json']!;
    expect(body.schema).toEqual(openApiSchemaOf(startRunBodySchema, 'input'));
    // Unknown fields are refused, and the document says so.
    expect(body.schema).toMatchObject({ additionalProperties: false, properties: { runTimeoutSeconds: { type: 'integer', minimum: 1 } } });

    const run = operationOf('get', '/api/runs/{runId}').responses['200'].content['application/json'].schema;
    expect(run).toEqual(openApiSchemaOf(runViewSchema));
    // What the CLI's own copy of the view once got wrong: commit may be null, and runAs, steps and progress are there.
    expect(run.properties.commit).toMatchObject({ type: 'boolean', nullable: true });
    expect(Object.keys(run.properties)).toEqual(expect.arrayContaining(['runAs', 'steps', 'progress']));
    expect(operationOf('get', '/api/jobs/{jobId}').responses['200'].content['application/json'].schema).toEqual(openApiSchemaOf(jobViewSchema));
    expect(operationOf('get', '/api/runs').responses['200'].content['application/json'].schema).toMatchObject({ required: ['items', 'total', 'limit', 'offset'] });
  });

  it('describes the identity, audit and parked-event views with the schemas the CLI checks them with', () => {
    const answered = (method: string, path: string, status = '200') => operationOf(method, path).responses[status].content['application/json'].schema;

    expect(answered('get', '/api/me')).toEqual(openApiSchemaOf(meViewSchema));
    expect(answered('get', '/api/users/{username}')).toEqual(openApiSchemaOf(userViewSchema));
    expect(answered('get', '/api/users')).toEqual(openApiSchemaOf(pageSchema(userViewSchema)));
    expect(answered('get', '/api/groups/{name}')).toEqual(openApiSchemaOf(groupViewSchema));
    expect(answered('get', '/api/me/tokens')).toEqual(openApiSchemaOf(tokenListViewSchema));
    expect(answered('post', '/api/users/{username}/tokens', '201')).toEqual(openApiSchemaOf(issuedTokenViewSchema));
    expect(answered('get', '/api/audit')).toEqual(openApiSchemaOf(pageSchema(auditEntryViewSchema)));
    expect(answered('get', '/api/parked-events')).toEqual(openApiSchemaOf(parkedEventListViewSchema));
    expect(answered('post', '/api/parked-events/{id}/replay')).toEqual(openApiSchemaOf(replayParkedResultSchema));
    expect(answered('post', '/api/read-models/rebuild')).toEqual(openApiSchemaOf(rebuildReportSchema));
  });

  it('says that expiresAt may be null (never expires) when a token is created', () => {
    const body = (document.paths['/api/me/tokens']?.post?.requestBody as { content: Record<string, { schema: { properties: Record<string, unknown> } }> }).content['application/json']!;

    expect(body.schema.properties['expiresAt']).toMatchObject({ type: 'string', format: 'date-time', nullable: true });
  });

  it('says what each permission allows where grants are set', () => {
    const body = (document.paths['/api/users/{username}/permissions']?.put?.requestBody as { content: Record<string, { schema: { properties: Record<string, { description: string }> } }> }).content['application/json']!;
    const description = body.schema.properties['permissions']!.description;

    expect(description).toContain('`jobs.view`: see the job catalog');
    expect(description).toContain('`users.admin`: manage users, groups, their permissions and their tokens');
  });
});
