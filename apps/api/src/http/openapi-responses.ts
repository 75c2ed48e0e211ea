import type { OpenAPIObject } from '@nestjs/swagger';
import { ErrorCode, LIFECYCLE_RUN_EVENT_TYPES } from '@yardmaster/contracts';
import type { DeclaredRoute } from '../auth/declared-routes';

type PathItem = OpenAPIObject['paths'][string];
type Operation = NonNullable<PathItem['get']>;
/** A response as this module reads and writes it (a `$ref` is left alone). */
interface Response {
  description: string;
  content?: Record<string, unknown>;
  headers?: object;
}
type Responses = Record<string, Response | { $ref: string } | undefined>;

const ERROR_BODY_REF = '#/components/schemas/ErrorBody';

/** `{ code, message, fieldErrors?, details?, correlationId }`: every error the API answers. */
const ERROR_BODY_SCHEMA = {
  type: 'object',
  required: ['code', 'message', 'correlationId'],
  properties: {
    code: { type: 'string', enum: Object.values(ErrorCode), description: 'Stable: clients may act on it' },
    message: { type: 'string', description: 'For people' },
    fieldErrors: {
      type: 'array',
      description: 'One entry per bad field, e.g. { "field": "data.count", "message": "must be at least 1" }',
      items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } },
    },
    details: {
      type: 'object',
      description: 'Facts a client can act on, e.g. blockingRunId, retryAfterSeconds',
      additionalProperties: { nullable: true, oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    },
    correlationId: { type: 'string', description: 'The X-Correlation-Id sent, or one made up for this request: quote it in a report' },
  },
} as const;

/** One Server-Sent Event of a run stream: what `x-itemSchema` of an event stream says each item is. */
const RUN_SERVER_SENT_EVENT_SCHEMA = {
  type: 'object',
  required: ['id', 'event', 'data'],
  properties: {
    id: { type: 'string', description: 'The stream sequence: send it back as Last-Event-ID to resume after it' },
    event: { type: 'string', description: `The run event's type: ${[...LIFECYCLE_RUN_EVENT_TYPES, 'run.log', 'run.progress'].join(', ')}` },
    data: {
      type: 'object',
      description: 'The event envelope, as JSON on the data: line',
      required: ['id', 'type', 'version', 'occurredAt', 'aggregateId', 'sequence', 'correlationId', 'actor', 'data'],
      properties: {
        id: { type: 'string' },
        type: { type: 'string' },
        version: { type: 'integer', enum: [1] },
        occurredAt: { type: 'string', format: 'date-time' },
        aggregateId: { type: 'string', description: 'The run id' },
        sequence: { type: 'integer' },
        correlationId: { type: 'string' },
        causationId: { type: 'string', nullable: true },
        actor: { type: 'string' },
        data: { type: 'object', description: 'What the event type carries' },
      },
    },
  },
} as const;

const EVENT_STREAM_MEDIA = {
  schema: {
    type: 'string',
    format: 'event-stream',
    description:
      'text/event-stream, read with an EventSource or an SSE client: not one JSON document but a stream of events, each `id:`, `event:` and ' +
      '`data:` lines and a blank line (x-itemSchema describes one event), and `: keep-alive` comments',
    example: 'id: 7\nevent: run.started\ndata: {"id":"…:run.started","type":"run.started","aggregateId":"…","data":{…}}\n\n',
  },
  'x-itemSchema': { $ref: '#/components/schemas/RunServerSentEvent' },
};

const RETRY_AFTER = { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } } };

/** What any route that needs a token may answer, whatever it does. */
const AUTHENTICATED_RESPONSES: Readonly<Record<string, Response>> = {
  '401': {
    description: 'UNAUTHENTICATED: no token, or one that is unknown, revoked or expired, or whose user is deactivated',
    headers: { 'WWW-Authenticate': { description: 'Bearer realm="yardmaster"', schema: { type: 'string' } } },
  },
  '403': { description: 'FORBIDDEN: the token lacks the permission, or is read-only and the request writes' },
  '429': { description: 'TOO_MANY_REQUESTS: too many failed authentications from this address; wait Retry-After seconds', headers: RETRY_AFTER },
  '503': { description: 'SERVICE_UNAVAILABLE: the database (or another service the route needs) cannot be reached; details name it', headers: RETRY_AFTER },
};

const BAD_INPUT: Response = { description: 'VALIDATION_FAILED (a bad field, a NUL character anywhere) or MALFORMED_REQUEST (not JSON, nested deeper than 64 levels)' };
const TOO_LARGE: Response = { description: 'PAYLOAD_TOO_LARGE: a body over 10 MiB of JSON (counted after decompression)' };

function isError(status: string): boolean {
  return /^[45]\d\d$/.test(status);
}

/** Every error response of an operation carries the error body as JSON (not the success's media type, e.g. an event stream). */
function withErrorBodies(responses: Responses): void {
  for (const [status, response] of Object.entries(responses)) {
    if (!isError(status) || !response || '$ref' in response) continue;
    response.content = { 'application/json': { schema: { $ref: ERROR_BODY_REF } } };
  }
}

/** A success that is an event stream is described as one, never as a JSON string. */
function asEventStream(responses: Responses): void {
  for (const [status, response] of Object.entries(responses)) {
    if (isError(status) || !response || '$ref' in response || !response.content?.['text/event-stream']) continue;
    response.content = { 'text/event-stream': EVENT_STREAM_MEDIA };
  }
}

function addMissing(responses: Responses, status: string, response: Response): void {
  if (responses[status] === undefined) responses[status] = { ...response };
}

/**
 * Completes a document generated from the controllers with what each route answers besides success: routes that
 * need a token (all but public ones, per their declared access) get 401, 403, 429 and 503 and a bearer security
 * requirement; routes that take input get 400, and those with a body 413; every error response gets the error
 * body's schema. Mutates and returns `document`.
 */
export function describeResponses(document: OpenAPIObject, routes: readonly DeclaredRoute[]): OpenAPIObject {
  const schemas = { ErrorBody: ERROR_BODY_SCHEMA, RunServerSentEvent: RUN_SERVER_SENT_EVENT_SCHEMA } as unknown as Record<string, never>;
  document.components = { ...document.components, schemas: { ...(document.components?.schemas ?? {}), ...schemas } };
  for (const route of routes) {
    const operation = (document.paths[route.path] as Record<string, Operation | undefined> | undefined)?.[route.method];
    if (!operation || route.access?.kind === 'public') continue;
    const responses = operation.responses as Responses;
    asEventStream(responses);
    for (const [status, response] of Object.entries(AUTHENTICATED_RESPONSES)) addMissing(responses, status, response);
    if ((operation.parameters?.length ?? 0) > 0 || operation.requestBody) addMissing(responses, '400', BAD_INPUT);
    if (operation.requestBody) addMissing(responses, '413', TOO_LARGE);
    operation.security = [{ bearer: [] }];
    withErrorBodies(responses);
  }
  return document;
}
