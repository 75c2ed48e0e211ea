import { ApiError, ApiUnreachableError, InterruptedError } from './errors';
import { followEventStream, SseParser, type SseEvent } from './sse-reader';

const encode = (text: string) => new TextEncoder().encode(text);

/** Feeds `bytes` to a fresh parser in chunks that end at each of `cuts`. */
function parseInChunks(bytes: Uint8Array, cuts: readonly number[]): SseEvent[] {
  const parser = new SseParser();
  const events: SseEvent[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    events.push(...parser.push(bytes.slice(start, cut)));
    start = cut;
  }
  events.push(...parser.end());
  return events;
}

const STREAM = [
  ': keep-alive',
  '',
  'id: 7',
  'event: run.log',
  'data: {"type":"run.log","data":{"message":"Grüße, 世界 🚀"}}',
  '',
  'id: 8',
  'event: run.progress',
  'data: {"a":1}',
  'data: {"b":2}',
  '',
  'event: run.completed',
  'data:',
  '',
  '',
].join('\r\n');

const EXPECTED: SseEvent[] = [
  { id: '7', event: 'run.log', data: '{"type":"run.log","data":{"message":"Grüße, 世界 🚀"}}' },
  { id: '8', event: 'run.progress', data: '{"a":1}\n{"b":2}' },
  // No `id:` of its own: the last event id carries on.
  { id: '8', event: 'run.completed', data: '' },
];

describe('SseParser', () => {
  it('parses a whole stream at once', () => {
    expect(parseInChunks(encode(STREAM), [])).toEqual(EXPECTED);
  });

  it('gives the same events however the bytes are cut: inside lines, between CR and LF, inside UTF-8 characters', () => {
    const bytes = encode(STREAM);
    // Every single cut point, and every byte on its own.
    for (let cut = 1; cut < bytes.length; cut++) expect(parseInChunks(bytes, [cut])).toEqual(EXPECTED);
    expect(parseInChunks(bytes, Array.from({ length: bytes.length - 1 }, (_, index) => index + 1))).toEqual(EXPECTED);
  });

  it('takes LF, CRLF and lone CR line endings alike, a CR at the end of a chunk included', () => {
    for (const ending of ['\n', '\r\n', '\r']) {
      const text = ['id: 1', 'event: a', 'data: x', '', 'data: y', '', ''].join(ending);
      const parser = new SseParser();
      // A lone CR at the very end may yet become a CRLF: only the end of the stream settles it.
      const events = [...[...text].flatMap((char) => parser.push(char)), ...parser.end()];
      expect(events).toEqual([
        { id: '1', event: 'a', data: 'x' },
        { id: '1', event: 'message', data: 'y' },
      ]);
    }
  });

  it('does not take a CR that ends a chunk for a blank line when the LF follows in the next chunk', () => {
    const parser = new SseParser();
    expect(parser.push('data: x\r')).toEqual([]);
    // `\n` completes the CRLF of "data: x"; only the next CRLF is the blank line.
    expect(parser.push('\n')).toEqual([]);
    expect(parser.push('\r')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ id: null, event: 'message', data: 'x' }]);
  });

  it('counts comments, reads retry, ignores unknown fields and ids with NUL, strips one leading space and a BOM', () => {
    const parser = new SseParser('3');
    const events = parser.push('\uFEFF: hello\n:x\nretry: 1500\nfoo: bar\nid: a\u0000b\ndata:  two spaces\nevent\n\n');
    expect(parser.comments).toBe(2);
    expect(parser.retryMs).toBe(1500);
    // `event` with no colon is the field `event` with an empty value: the default type.
    expect(events).toEqual([{ id: '3', event: 'message', data: ' two spaces' }]);
  });

  it('dispatches nothing for an event without data, and drops an event the stream cut off before its blank line', () => {
    const parser = new SseParser();
    expect(parser.push('id: 1\nevent: ping\n\n')).toEqual([]);
    expect(parser.push('id: 2\ndata: half')).toEqual([]);
    expect(parser.end()).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

/** A response carrying an event stream made of `chunks`, then ending (or breaking, with `fail`). */
function eventStream(chunks: readonly string[], options: { fail?: boolean; hang?: boolean } = {}): Response {
  let next = 0;
  // Chunk by chunk as they are read (erroring a stream would drop chunks still queued).
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next < chunks.length) controller.enqueue(encode(chunks[next++]));
      else if (options.fail) controller.error(new Error('socket hang up'));
      else if (!options.hang) controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

const frame = (id: number, type: string, data = `{"n":${id}}`) => `id: ${id}\nevent: ${type}\ndata: ${data}\n\n`;
const jsonError = (status: number, code: string) =>
  new Response(JSON.stringify({ code, message: `it is ${code}` }), { status, headers: { 'content-type': 'application/json' } });

describe('followEventStream', () => {
  const noSleep = () => Promise.resolve();

  it('reconnects with Last-Event-ID after a dropped, broken or silent stream, losing and repeating nothing', async () => {
    const answers: Array<() => Response> = [
      () => eventStream([frame(1, 'run.requested'), frame(2, 'run.log').slice(0, 10)]), // ends mid-event
      () => eventStream([frame(2, 'run.log')], { fail: true }), // breaks
      () => eventStream([frame(3, 'run.log')], { hang: true }), // goes silent
      () => eventStream([frame(4, 'run.log'), frame(5, 'run.completed'), frame(6, 'never.read')]),
    ];
    const asked: Array<string | null> = [];
    const reconnects: string[] = [];
    const seen: SseEvent[] = [];
    const end = await followEventStream({
      open: async (lastEventId) => {
        asked.push(lastEventId);
        const answer = answers.shift();
        if (!answer) throw new Error('asked once too often');
        return answer();
      },
      onEvent: (event) => {
        seen.push(event);
        return event.event === 'run.completed' ? 'stop' : undefined;
      },
      onReconnect: ({ reason }) => reconnects.push(reason),
      idleTimeoutMs: 50,
      sleep: noSleep,
    });
    expect(end).toEqual({ kind: 'stopped', lastEventId: '5' });
    expect(seen.map((event) => event.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(asked).toEqual([null, '1', '2', '3']);
    expect(reconnects).toEqual([
      'the server ended the stream before the run ended',
      expect.stringContaining('the connection broke'),
      'no data for 0 s',
    ]);
  });

  it('retries while nothing answers or the API answers 5xx, backing off, and resets the back-off once events flow', async () => {
    const answers: Array<() => Response> = [
      () => {
        throw Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
      },
      () => jsonError(503, 'SERVICE_UNAVAILABLE'),
      () => eventStream([frame(1, 'run.log')]),
      () => jsonError(502, 'BAD_GATEWAY'),
      () => eventStream([frame(2, 'run.failed')]),
    ];
    const delays: number[] = [];
    const reasons: string[] = [];
    const end = await followEventStream({
      open: async () => (answers.shift() as () => Response)(),
      onEvent: (event) => (event.event === 'run.failed' ? 'stop' : undefined),
      onReconnect: ({ reason, delayMs }) => {
        reasons.push(reason);
        delays.push(delayMs);
      },
      retryDelaysMs: [10, 20, 40],
      sleep: noSleep,
    });
    expect(end.kind).toBe('stopped');
    expect(reasons).toEqual(['cannot reach the API (ECONNREFUSED)', 'HTTP 503 SERVICE_UNAVAILABLE', 'the server ended the stream before the run ended', 'HTTP 502 BAD_GATEWAY']);
    expect(delays).toEqual([10, 20, 10, 20]);
  });

  it('ends with no-content on 204 (nothing after Last-Event-ID), and fails at once on other error answers', async () => {
    await expect(followEventStream({ open: async () => new Response(null, { status: 204 }), onEvent: () => undefined })).resolves.toEqual({
      kind: 'no-content',
      lastEventId: null,
    });
    const notFound = followEventStream({ open: async () => jsonError(404, 'RUN_NOT_FOUND'), onEvent: () => undefined });
    await expect(notFound).rejects.toBeInstanceOf(ApiError);
    await expect(notFound).rejects.toMatchObject({ status: 404, code: 'RUN_NOT_FOUND' });
    const notAStream = followEventStream({ open: async () => new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } }), onEvent: () => undefined });
    await expect(notAStream).rejects.toThrow(/not an event stream/);
  });

  it('gives up when no event has come for giveUpAfterMs', async () => {
    let clock = 0;
    const follow = followEventStream({
      open: async () => {
        clock += 4_000;
        throw new TypeError('fetch failed');
      },
      onEvent: () => undefined,
      giveUpAfterMs: 10_000,
      now: () => clock,
      sleep: noSleep,
    });
    await expect(follow).rejects.toBeInstanceOf(ApiUnreachableError);
    await expect(follow).rejects.toThrow(/could not get it back for 10 s/);
  });

  it('stops with the signal reason when interrupted, while connected or while waiting to reconnect', async () => {
    const interrupt = new AbortController();
    const reason = new InterruptedError('stopped following');
    const follow = followEventStream({
      open: async () => eventStream([frame(1, 'run.log')], { hang: true }),
      onEvent: () => {
        setTimeout(() => interrupt.abort(reason), 5);
      },
      signal: interrupt.signal,
    });
    await expect(follow).rejects.toBe(reason);

    const waiting = new AbortController();
    const whileWaiting = followEventStream({
      open: async () => jsonError(503, 'SERVICE_UNAVAILABLE'),
      onEvent: () => undefined,
      onReconnect: () => waiting.abort(reason),
      retryDelaysMs: [60_000],
      signal: waiting.signal,
    });
    await expect(whileWaiting).rejects.toBe(reason);
  });
});
