import { jetstreamManager } from '@nats-io/jetstream';
import { streamNamesFor } from '@yardmaster/contracts';
import { connectNats, type NatsConnection } from '@yardmaster/messaging';
import { testDependencies, waitFor } from '@yardmaster/testing';
import { request, SseConnection, type SseEvent } from './support/sse-client';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(120_000);

const HELLO_WORLD = 'examples.HelloWorld';
const TERMINAL = ['run.completed', 'run.failed', 'run.errored', 'run.cancelled', 'run.timed_out'];

describe('live run events over Server-Sent Events', () => {
  let stack: YardmasterStack;
  let nc: NatsConnection;
  const connections: SseConnection[] = [];

  beforeAll(async () => {
    stack = await YardmasterStack.start();
    nc = await connectNats(testDependencies.natsUrl, `e2e-sse-${stack.instance}`);
  });

  afterAll(async () => {
    for (const connection of connections) connection.close();
    await nc?.drain();
    await stack?.stop();
  });

  async function open(path: string, options: { lastEventId?: string } = {}): Promise<SseConnection> {
    const connection = await SseConnection.open(`${stack.apiUrl}${path}`, { token: stack.adminToken, ...options });
    connections.push(connection);
    return connection;
  }

  /** Consumers on the instance's run stream: the projection's durable plus one per open event stream. */
  /** The API's ordered consumers (ephemeral); the projection's and the audit's durable consumers are not counted. */
  async function streamReadersOnRunStream(): Promise<number> {
    const jsm = await jetstreamManager(nc);
    let ephemeral = 0;
    for await (const consumer of jsm.consumers.list(streamNamesFor(stack.instance).runs)) {
      if (!consumer.config.durable_name) ephemeral += 1;
    }
    return ephemeral;
  }

  const envelope = (event: SseEvent) => JSON.parse(event.data);
  const logMessages = (events: SseEvent[]) => events.filter((event) => event.event === 'run.log').map((event) => envelope(event).data.message as string);
  const ids = (events: SseEvent[]) => events.map((event) => Number(event.id));

  const helloMessages = [...Array.from({ length: 100 }, (_, index) => `Hello, yard (${index + 1} of 100)`), 'Greeted yard 100 times'];

  it("streams a run's 101 log entries in order, ends after its terminal event, and resumes after Last-Event-ID without gaps or repeats", async () => {
    const dashboard = await open('/api/events');
    const runId = await stack.startRun(HELLO_WORLD, { data: { name: 'yard', count: 100 } });

    // The whole run, from its first event.
    const live = await open(`/api/runs/${runId}/events`);
    expect(live.response.headers.get('content-type')).toBe('text/event-stream');
    expect(live.response.headers.get('cache-control')).toBe('no-cache');
    expect(live.response.headers.get('x-accel-buffering')).toBe('no');
    const events = await live.readToEnd(20_000);

    expect(events[0].event).toBe('run.requested');
    expect(events.at(-1)?.event).toBe('run.completed');
    expect(events.filter((event) => TERMINAL.includes(event.event))).toHaveLength(1);
    expect(logMessages(events)).toEqual(helloMessages);
    for (const event of events) {
      const body = envelope(event);
      expect(body.type).toBe(event.event);
      expect(body.aggregateId).toBe(runId);
    }
    // Ids are stream sequences (`<sequence>.<entry>` for the log entries of one batch): strictly increasing as numbers,
    // so a client can resume after any of them.
    const sequences = ids(events);
    expect(events.every((event) => /^\d+(\.\d{3})?$/.test(event.id ?? ''))).toBe(true);
    expect(sequences.every((sequence, index) => Number.isFinite(sequence) && (index === 0 || sequence > sequences[index - 1]))).toBe(true);
    expect(new Set(events.map((event) => envelope(event).id)).size).toBe(events.length);

    // Reconnect as EventSource does, after the 50th log entry: entries 51 to 101, each once, in order.
    const logs = events.filter((event) => event.event === 'run.log');
    const fiftieth = logs[49];
    expect(envelope(fiftieth).data.message).toBe('Hello, yard (50 of 100)');
    const resumed = await (await open(`/api/runs/${runId}/events`, { lastEventId: fiftieth.id ?? '' })).readToEnd(20_000);
    expect(logMessages(resumed)).toEqual(helloMessages.slice(50));
    expect(resumed.map((event) => event.id)).toEqual(events.slice(events.indexOf(fiftieth) + 1).map((event) => event.id));
    expect(resumed.at(-1)?.event).toBe('run.completed');

    // The same with the query parameter, for a first connection that resumes.
    const byQuery = await (await open(`/api/runs/${runId}/events?lastEventId=${fiftieth.id}`)).readToEnd(20_000);
    expect(byQuery.map((event) => event.id)).toEqual(resumed.map((event) => event.id));

    // After the terminal event there is nothing more: 204 tells EventSource to stop reconnecting.
    const after = await request(`${stack.apiUrl}/api/runs/${runId}/events`, { lastEventId: events.at(-1)?.id ?? '', token: stack.adminToken });
    expect(after.response.status).toBe(204);

    // The dashboard stream saw the run's lifecycle, and none of its log entries.
    const lifecycle = await dashboard.readUntil((event) => envelope(event).aggregateId === runId && TERMINAL.includes(event.event));
    const ours = lifecycle.filter((event) => envelope(event).aggregateId === runId);
    expect(ours.map((event) => event.event).filter((type) => type !== 'run.step_started')).toEqual(['run.requested', 'run.started', 'run.completed']);
    expect(lifecycle.filter((event) => event.event === 'run.log' || event.event === 'run.progress')).toEqual([]);
    // The same events as in the run's own stream, with the same ids.
    expect(ours.map((event) => event.id)).toEqual(events.filter((event) => ours.some((mine) => mine.event === event.event)).map((event) => event.id));
    dashboard.close();
  });

  it('delivers the lifecycle of a new run on /api/events, and resumes that stream after Last-Event-ID', async () => {
    const dashboard = await open('/api/events');
    const runId = await stack.startRun(HELLO_WORLD, { data: { name: 'board', count: 2 } });

    const seen = await dashboard.readUntil((event) => envelope(event).aggregateId === runId && event.event === 'run.completed', 20_000);
    const ours = seen.filter((event) => envelope(event).aggregateId === runId);
    const types = ours.map((event) => event.event);
    expect(types).toEqual(expect.arrayContaining(['run.requested', 'run.started', 'run.completed']));
    expect(types.indexOf('run.requested')).toBeLessThan(types.indexOf('run.started'));
    expect(types.indexOf('run.started')).toBeLessThan(types.indexOf('run.completed'));
    expect(seen.every((event) => event.event !== 'run.log' && event.event !== 'run.progress')).toBe(true);
    // It does not end by itself.
    await expect(dashboard.next(1_000)).rejects.toThrow('no event within');
    dashboard.close();

    // Resuming after run.requested gives what followed it, and nothing before.
    const requested = ours.find((event) => event.event === 'run.requested') as SseEvent;
    const resumed = await open('/api/events', { lastEventId: requested.id ?? '' });
    const again = (await resumed.readUntil((event) => envelope(event).aggregateId === runId && event.event === 'run.completed')).filter(
      (event) => envelope(event).aggregateId === runId,
    );
    expect(again.map((event) => event.id)).toEqual(ours.slice(1).map((event) => event.id));
    resumed.close();
  });

  it('answers 404 RUN_NOT_FOUND for an unknown run and 400 for a bad Last-Event-ID', async () => {
    const notUuid = await fetch(`${stack.apiUrl}/api/runs/not-a-uuid/events`, { headers: stack.admin.headers() });
    expect(notUuid.status).toBe(404);
    expect(((await notUuid.json()) as any).code).toBe('RUN_NOT_FOUND');

    const unknown = await fetch(`${stack.apiUrl}/api/runs/00000000-0000-4000-8000-000000000000/events`, { headers: stack.admin.headers() });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as any).code).toBe('RUN_NOT_FOUND');

    const badId = await request(`${stack.apiUrl}/api/events`, { lastEventId: 'yesterday', token: stack.adminToken });
    expect(badId.response.status).toBe(400);
    expect(((await badId.response.json()) as any).code).toBe('VALIDATION_FAILED');
  });

  it('describes both streams in the OpenAPI document as text/event-stream', async () => {
    const { body } = await stack.getJson('/api/docs-json');
    for (const path of ['/api/runs/{runId}/events', '/api/events']) {
      expect(Object.keys(body.paths[path].get.responses['200'].content)).toEqual(['text/event-stream']);
      expect(body.paths[path].get.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Last-Event-ID', in: 'header' })]));
    }
  });

  it('stops reading JetStream when the client disconnects', async () => {
    await waitFor(async () => ((await streamReadersOnRunStream()) === 0 ? true : undefined), 10_000, 'no stream open yet');
    const dashboard = await open('/api/events');
    const runId = await stack.startRun(HELLO_WORLD, { data: { name: 'gone', count: 1 } });
    const follower = await open(`/api/runs/${runId}/events`);
    await follower.next();
    expect(await streamReadersOnRunStream()).toBe(2);

    dashboard.close();
    follower.close();
    await waitFor(async () => ((await streamReadersOnRunStream()) === 0 ? true : undefined), 10_000, 'the streams’ consumers to be removed');
    await stack.waitForRunToEnd(runId);
  });

  it('sends a keep-alive comment every 15 s', async () => {
    const quiet = await open('/api/events');
    const opened = Date.now();
    // Comments are parsed while the stream is read; no run is started, so no event comes.
    const reading = quiet.next(25_000).catch(() => null);
    await waitFor(async () => (quiet.comments.length > 0 ? true : undefined), 20_000, 'a keep-alive comment');
    expect(quiet.comments).toEqual(['keep-alive']);
    expect(Date.now() - opened).toBeGreaterThanOrEqual(14_000);
    quiet.close();
    await reading;
  }, 30_000);

  it('ends open streams as soon as the API shuts down, instead of waiting for their clients', async () => {
    const dashboard = await open('/api/events');
    const started = Date.now();
    const ended = dashboard.next(15_000).then((event) => ({ event, after: Date.now() - started }));
    await stack.service('api').stop();
    const stoppedAfter = Date.now() - started;

    const { event, after } = await ended;
    expect(event).toBeNull();
    // The stream ends when shutdown begins. (Left open, it would hold the HTTP server until the stack kills the API after 10 s.)
    expect(after).toBeLessThan(2_000);
    expect(stoppedAfter).toBeLessThan(9_000);
  });
});
