import { z } from 'zod';
import { publishedEvents, type PublishedEvent } from './published-events';

/** The contract's version, as the OpenAPI document's: the product's. */
export const EVENTS_DOC_VERSION = '0.1.0';

/** The parameters subjects carry: what each stands for. */
const PARAMETERS: Record<string, string> = {
  instance: 'The Yardmaster instance (YARD_INSTANCE, default `yard`): every subject and stream of one installation starts with it',
  runId: 'The run’s id (a UUID), the aggregate the event belongs to',
  reportId: 'The facts report’s id: the id of the plan run that wrote it',
  scheduleId: 'The schedule’s id',
  jobId: 'The job’s id, `<module>.<Class>`',
};

const DESCRIPTION = [
  'Every change of state in Yardmaster is an event on NATS JetStream; the projection builds the REST API’s read models from them, and any other service may follow them too.',
  '',
  '**Envelope.** Every message is one JSON event: `id`, `version` (the schema version of the event’s type, from 1: an event written by an older version of Yardmaster is upcast to the current shape before it is read, `libs/contracts/src/event-contract/upcasters.ts`), `type`, `occurredAt`, `aggregateId` (the run, report, schedule, job or identity object), `sequence`, `correlationId` (one request’s events share it), `causationId`, `actor` (a user name, or `system:<service>`) and `data`, whose schema depends on `type`.',
  '',
  '**Exactly once.** Each event is published with the NATS header `Nats-Msg-Id` equal to its `id`; ids are deterministic for whatever a retry may send again, so a re-sent event within the stream’s duplicate window (10 minutes) is stored once. A consumer that may see an event twice (a redelivery) keeps the ids it applied.',
  '',
  '**Order.** A stream keeps its events in the order it stored them, and a durable consumer receives them in that order. The events of one aggregate are published in the order they happened (`sequence` counts them per producer); a run’s events all live under `{instance}.run.{runId}.>`, so filtering on one run gives its whole history in order. Each run ends with exactly one terminal event: `run.completed`, `run.failed`, `run.errored`, `run.cancelled` or `run.timed_out`.',
  '',
  '**Retention.** Streams have no age or size limit; `system.PruneData` deletes events older than the retention (YARD_RETENTION_DAYS, 90) that every durable consumer has acknowledged.',
].join('\n');

type JsonObject = Record<string, unknown>;

/** JSON Schema (draft 7, which AsyncAPI's default schema format extends) of one runtime schema. */
function payloadOf(schema: z.ZodType): JsonObject {
  const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'any' }) as JsonObject;
  delete json.$schema;
  return json;
}

function parametersOf(subject: string): JsonObject {
  const names = [...subject.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  return Object.fromEntries(names.map((name) => [name, { description: PARAMETERS[name] ?? name }]));
}

function channelOf(event: PublishedEvent): JsonObject {
  return {
    address: event.subject,
    title: event.type,
    summary: event.summary,
    parameters: parametersOf(event.subject),
    messages: { [event.type]: { $ref: `#/components/messages/${event.type}` } },
    'x-jetstream-stream': event.stream,
  };
}

function messageOf(event: PublishedEvent): JsonObject {
  return {
    name: event.type,
    title: event.type,
    summary: event.summary,
    contentType: 'application/json',
    headers: {
      type: 'object',
      properties: { 'Nats-Msg-Id': { type: 'string', description: 'The event’s `id`: JetStream stores a re-sent event once within the duplicate window' } },
      required: ['Nats-Msg-Id'],
    },
    payload: payloadOf(event.schema),
  };
}

/**
 * The event contract as an AsyncAPI 3.0 document: a channel, a message and a `send` operation per event type, the
 * payloads generated from the runtime schemas. Served at `/api/events-doc`; `docs/events.asyncapi.json` is this
 * document as committed, and a test fails when the two differ (`npm run events-doc` writes it again).
 */
export function asyncApiDocument(version: string = EVENTS_DOC_VERSION): JsonObject {
  const events = publishedEvents();
  return {
    asyncapi: '3.0.0',
    info: { title: 'Yardmaster events', version, description: DESCRIPTION },
    defaultContentType: 'application/json',
    servers: {
      nats: { host: '127.0.0.1:4222', protocol: 'nats', description: 'NATS with JetStream (YARD_NATS_URL); streams `{INSTANCE}_RUNS`, `_FACTS`, `_SCHEDULES`, `_CATALOG`, `_IDENTITY`' },
    },
    channels: Object.fromEntries(events.map((event) => [event.type, channelOf(event)])),
    operations: Object.fromEntries(
      events.map((event) => [
        `publish.${event.type}`,
        {
          action: 'send',
          channel: { $ref: `#/channels/${event.type}` },
          summary: `Published by ${event.publishedBy.join(' and ')}`,
          messages: [{ $ref: `#/channels/${event.type}/messages/${event.type}` }],
          'x-published-by': event.publishedBy,
        },
      ]),
    ),
    components: { messages: Object.fromEntries(events.map((event) => [event.type, messageOf(event)])) },
  };
}
