/**
 * A small Server-Sent Events client for tests: `fetch` plus a parser of the event-stream format
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation).
 * Unlike EventSource it never reconnects, so a test sees exactly when and how a stream ends.
 */
export interface SseEvent {
  /** The `id:` field; null when the event had none. */
  readonly id: string | null;
  /** The `event:` field; `message` when the event had none. */
  readonly event: string;
  readonly data: string;
}

export class SseConnection {
  /** Comment lines received (`: keep-alive` → `keep-alive`). */
  readonly comments: string[] = [];
  private readonly events: AsyncGenerator<SseEvent>;
  private pending: Promise<IteratorResult<SseEvent>> | null = null;

  private constructor(
    readonly response: Response,
    private readonly abort: AbortController,
  ) {
    this.events = parseEventStream(response.body as ReadableStream<Uint8Array>, (comment) => this.comments.push(comment));
  }

  /** Opens the stream; rejects unless the answer is 200 text/event-stream (see `request` for other answers). */
  static async open(url: string, options: { lastEventId?: string; token?: string } = {}): Promise<SseConnection> {
    const { response, abort } = await request(url, options);
    if (response.status !== 200 || !response.headers.get('content-type')?.startsWith('text/event-stream')) {
      abort.abort();
      throw new Error(`${url} answered ${response.status} ${response.headers.get('content-type')}: ${await response.text().catch(() => '')}`);
    }
    return new SseConnection(response, abort);
  }

  /** The next event; null when the server ended the stream. Fails when nothing arrives within `timeoutMs`. */
  async next(timeoutMs = 10_000): Promise<SseEvent | null> {
    this.pending ??= this.events.next();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const result = await Promise.race([this.pending, timeout]);
    clearTimeout(timer);
    if (result === 'timeout') throw new Error(`no event within ${timeoutMs} ms from ${this.response.url}`);
    this.pending = null;
    return result.done ? null : result.value;
  }

  /** Events until the server ends the stream, failing when the gap between two exceeds `timeoutMs`. */
  async readToEnd(timeoutMs = 10_000): Promise<SseEvent[]> {
    const events: SseEvent[] = [];
    for (let event = await this.next(timeoutMs); event !== null; event = await this.next(timeoutMs)) events.push(event);
    return events;
  }

  /** Events until one satisfies `last` (included). */
  async readUntil(last: (event: SseEvent) => boolean, timeoutMs = 10_000): Promise<SseEvent[]> {
    const events: SseEvent[] = [];
    for (;;) {
      const event = await this.next(timeoutMs);
      if (event === null) throw new Error(`the stream ended after ${events.length} events, before the one awaited`);
      events.push(event);
      if (last(event)) return events;
    }
  }

  /** Disconnects, as a browser tab closing would. */
  close(): void {
    this.abort.abort();
  }
}

/** A GET asking for an event stream, with `Last-Event-ID` and a bearer token when given; the response as it came. */
export async function request(url: string, options: { lastEventId?: string; token?: string } = {}): Promise<{ response: Response; abort: AbortController }> {
  const abort = new AbortController();
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.lastEventId !== undefined) headers['last-event-id'] = options.lastEventId;
  const response = await fetch(url, { headers, signal: abort.signal });
  return { response, abort };
}

async function* parseEventStream(body: ReadableStream<Uint8Array>, onComment: (comment: string) => void): AsyncGenerator<SseEvent> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let id: string | null = null;
  let event = '';
  let data: string[] = [];
  let sawData = false;
  try {
    for (;;) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (error) {
        // Aborted by `close`: the stream simply ends.
        if (error instanceof Error && error.name === 'AbortError') return;
        throw error;
      }
      if (chunk.done) return;
      buffer += chunk.value;
      // A line ends with CRLF, LF or CR; a CR at the very end may be the first half of a CRLF.
      const lines = buffer.split(/\r\n|\n|\r(?!$)/);
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === '') {
          if (sawData) yield { id, event: event || 'message', data: data.join('\n') };
          event = '';
          data = [];
          sawData = false;
          continue;
        }
        if (line.startsWith(':')) {
          onComment(line.slice(1).trimStart());
          continue;
        }
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        let value = colon === -1 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        if (field === 'id' && !value.includes('\0')) id = value;
        else if (field === 'event') event = value;
        else if (field === 'data') {
          data.push(value);
          sawData = true;
        }
        // `retry` and unknown fields: nothing a test needs.
      }
    }
  } finally {
    reader.releaseLock();
  }
}
