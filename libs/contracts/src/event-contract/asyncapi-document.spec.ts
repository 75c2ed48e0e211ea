import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { factsEventSchema } from '../events/facts-events';
import { identityEventSchema } from '../events/identity-events';
import { runEventSchema } from '../events/run-events';
import { asyncApiDocument } from './asyncapi-document';
import { publishedEvents } from './published-events';

type Json = Record<string, any>;
const COMMITTED = join(__dirname, '..', '..', '..', '..', 'docs', 'events.asyncapi.json');

/** Follows a local `$ref` (`#/a/b/c`) through the document; undefined when it leads nowhere. */
function resolve(document: Json, ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Json)[key] : undefined), document);
}

function refsIn(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => refsIn(item, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) found.push(value);
      else refsIn(value, found);
    }
  }
  return found;
}

describe('the event contract (AsyncAPI 3)', () => {
  const document = asyncApiDocument() as Json;

  it('is the committed docs/events.asyncapi.json: after changing an event, run `npm run events-doc`', () => {
    const committed = JSON.parse(readFileSync(COMMITTED, 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it('lists every event type of every stream union, once', () => {
    const unionTypes = [...runEventSchema.options, ...factsEventSchema.options, ...identityEventSchema.options].map((schema) => schema.shape.type.value as string);
    const types = publishedEvents().map((event) => event.type);
    expect(new Set(types).size).toBe(types.length);
    expect(types).toEqual(expect.arrayContaining([...unionTypes, 'schedule.changed', 'catalog.announced', 'catalog.job_overridden']));
    expect(Object.keys(document.channels)).toEqual(types);
  });

  it('resolves every $ref, and gives each channel a message whose payload fixes its type', () => {
    const unresolved = refsIn(document).filter((ref) => resolve(document, ref) === undefined);
    expect(unresolved).toEqual([]);
    for (const [type, channel] of Object.entries(document.channels as Json)) {
      const message = resolve(document, channel.messages[type].$ref) as Json;
      expect(message.payload.properties.type).toEqual({ type: 'string', const: type });
      expect(message.payload.required).toEqual(expect.arrayContaining(['id', 'version', 'type', 'aggregateId', 'data']));
      expect(message.headers.required).toEqual(['Nats-Msg-Id']);
    }
  });

  it('names subjects as the services build them, with their parameters, and each stream and publisher', () => {
    expect(document.channels['run.completed']).toMatchObject({ address: '{instance}.run.{runId}.completed', 'x-jetstream-stream': '{INSTANCE}_RUNS', parameters: { instance: expect.any(Object), runId: expect.any(Object) } });
    expect(document.channels['facts.entries_detected']).toMatchObject({ address: '{instance}.facts.{reportId}.entries_detected', 'x-jetstream-stream': '{INSTANCE}_FACTS' });
    expect(document.channels['identity.user_created']).toMatchObject({ address: '{instance}.identity.user_created' });
    expect(document.channels['catalog.job_overridden']).toMatchObject({ address: '{instance}.catalog.override.{jobId}' });
    expect(document.operations['publish.run.requested']).toMatchObject({ action: 'send', 'x-published-by': ['scheduler'] });
    expect(document.operations['publish.run.completed']['x-published-by']).toEqual(['collector', 'scheduler']);
  });

  it('describes a payload as the runtime schema reads it: a run.errored carries its error', () => {
    const payload = document.components.messages['run.errored'].payload;
    expect(payload.properties.data.required).toEqual(['result', 'error']);
    expect(payload.properties.data.properties.error.properties).toMatchObject({ message: { type: 'string' }, type: { type: 'string' } });
  });
});
