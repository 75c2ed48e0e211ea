import { setTimeout as delay } from 'node:timers/promises';
import { ApiError, ApiUnreachableError, messageOf } from './errors';
import { apiErrorOf, unreachable } from './api-client';

/** One Server-Sent Event. */
export interface SseEvent {
  /** The last event id when the event was dispatched (`id:` of this event or an earlier one); null when none came. */
  readonly id: string | null;
  /** The `event:` field; `message` when the event had none. */
  readonly event: string;
  /** The `data:` lines, joined with `\n`. */
  readonly data: string;
}

/**
 * The event-stream format (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation),
 * fed chunk by chunk as the bytes arrive: a chunk may end anywhere, inside a line, between the CR and LF of a
 * line ending, or inside a multi-byte UTF-8 character.
 */
export class SseParser {
  private readonly decoder = new TextDecoder('utf-8');
  private buffer = '';
  private started = false;
  private eventType = '';
  private data: string[] = [];
  private sawData = false;
  /** The `retry:` the server asked for, in milliseconds; null when it sent none. */
  retryMs: number | null = null;
  /** Comment lines seen (`: keep-alive`). */
  comments = 0;

  /** `lastEventId`: the id to carry on with, as a reconnecting client does. */
  constructor(private lastEventId: string | null = null) {}

  /** Parses a chunk; returns the events it completed, in order. */
  push(chunk: Uint8Array | string): SseEvent[] {
    let text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.startsWith('\uFEFF')) text = text.slice(1);
    }
    this.buffer += text;
    return this.drain(false);
  }

  /** The stream ended: the last line counts, but an event that was not ended by a blank line is dropped (as the spec says). */
  end(): SseEvent[] {
    this.buffer += this.decoder.decode();
    const events = this.drain(true);
    this.buffer = '';
    this.resetEvent();
    return events;
  }

  private drain(final: boolean): SseEvent[] {
    const events: SseEvent[] = [];
    const text = this.buffer;
    let start = 0;
    for (let index = 0; index < text.length; index++) {
      const char = text[index];
      if (char === '\n') {
        this.line(text.slice(start, index), events);
        start = index + 1;
      } else if (char === '\r') {
        // A CR as the chunk's last character may be the first half of a CRLF: wait for the next chunk.
        if (index + 1 === text.length && !final) break;
        this.line(text.slice(start, index), events);
        if (text[index + 1] === '\n') index++;
        start = index + 1;
      }
    }
    this.buffer = text.slice(start);
    if (final && this.buffer.length > 0) {
      this.line(this.buffer, events);
      this.buffer = '';
    }
    return events;
  }

  private line(line: string, events: SseEvent[]): void {
    if (line === '') {
      if (this.sawData) events.push({ id: this.lastEventId, event: this.eventType || 'message', data: this.data.join('\n') });
      this.resetEvent();
      return;
    }
    if (line.startsWith(':')) {
      this.comments++;
      return;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.eventType = value;
        break;
      case 'data':
        this.data.push(value);
        this.sawData = true;
        break;
      case 'id':
        if (!value.includes('\0')) this.lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retryMs = Number(value);
        break;
      default:
      // Unknown fields are ignored.
    }
  }

  private resetEvent(): void {
    this.eventType = '';
    this.data = [];
    this.sawData = false;
  }
}

export interface FollowStreamOptions {
  /** Makes one request for the stream, resuming after `lastEventId` when it is not null. */
  open(lastEventId: string | null, signal: AbortSignal): Promise<Response>;
  /** Handles one event; returns `'stop'` after the last one wanted. */
  onEvent(event: SseEvent): 'stop' | void;
  /** Told before each reconnect, e.g. to say so on stderr. */
  onReconnect?(info: { readonly attempt: number; readonly reason: string; readonly lastEventId: string | null; readonly delayMs: number }): void;
  /** Aborted on Ctrl-C: the follow ends with `signal.reason`. */
  readonly signal?: AbortSignal;
  /** A connection silent this long (no event, no keep-alive comment) is taken for dead; the API comments every 15 s. */
  readonly idleTimeoutMs?: number;
  /** Waits between reconnects; the last repeats. Back to the first after an event arrives. */
  readonly retryDelaysMs?: readonly number[];
  /** How long to keep reconnecting without receiving an event before giving up. */
  readonly giveUpAfterMs?: number;
  /** For error messages: the API's address. */
  readonly baseUrl?: string;
  readonly now?: () => number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** How a follow ended: the handler said stop, or the server answered 204 (nothing comes after the last event id). */
export type FollowStreamEnd = { readonly kind: 'stopped'; readonly lastEventId: string | null } | { readonly kind: 'no-content'; readonly lastEventId: string | null };

const DEFAULT_RETRY_DELAYS_MS = [250, 500, 1000, 2000, 3000];

/**
 * Follows an event stream until `onEvent` says stop. When the connection drops, breaks or goes silent, or the
 * server answers 5xx (say, the API restarting), it reconnects with `Last-Event-ID` set to the last event
 * received, as EventSource does, so no event is lost or repeated. Other error answers end the follow with an
 * `ApiError` (a run that does not exist stays so).
 */
export async function followEventStream(options: FollowStreamOptions): Promise<FollowStreamEnd> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number, signal?: AbortSignal) => delay(ms, undefined, { signal }));
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const giveUpAfterMs = options.giveUpAfterMs ?? 60_000;
  const idleTimeoutMs = options.idleTimeoutMs ?? 45_000;
  const userSignal = options.signal;
  let lastEventId: string | null = null;
  let failures = 0;
  let lastGoodAt = now();
  let serverRetryMs: number | null = null;

  const throwIfInterrupted = () => {
    if (userSignal?.aborted) throw userSignal.reason;
  };

  for (;;) {
    throwIfInterrupted();
    const connection = new AbortController();
    const onUserAbort = () => connection.abort(userSignal?.reason);
    userSignal?.addEventListener('abort', onUserAbort, { once: true });
    let reason: string;
    try {
      let response: Response;
      try {
        response = await options.open(lastEventId, connection.signal);
      } catch (error) {
        throwIfInterrupted();
        throw unreachable(options.baseUrl ?? 'the API', error);
      }
      if (response.status === 204) return { kind: 'no-content', lastEventId };
      if (response.status === 200 && response.body && isEventStream(response)) {
        const parser = new SseParser(lastEventId);
        const outcome = await readStream(response.body, parser, idleTimeoutMs, connection, (event) => {
          if (event.id !== null) lastEventId = event.id;
          failures = 0;
          lastGoodAt = now();
          return options.onEvent(event);
        });
        serverRetryMs = parser.retryMs ?? serverRetryMs;
        if (outcome === 'stopped') return { kind: 'stopped', lastEventId };
        throwIfInterrupted();
        reason = outcome;
      } else if (response.status >= 500 || response.status === 408 || response.status === 429) {
        const error = await apiErrorOf('GET', 'the event stream', response);
        reason = `HTTP ${response.status}${error.code ? ` ${error.code}` : ''}`;
      } else if (response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new ApiError('GET', 'the event stream', response.status, null, `not an event stream (${response.headers.get('content-type') ?? 'no content type'})`);
      } else {
        throw await apiErrorOf('GET', 'the event stream', response);
      }
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throwIfInterrupted();
      if (!(error instanceof ApiUnreachableError)) throw error;
      reason = error.reason;
    } finally {
      userSignal?.removeEventListener('abort', onUserAbort);
      connection.abort();
    }

    if (now() - lastGoodAt >= giveUpAfterMs) {
      throw new ApiUnreachableError(`lost the event stream and could not get it back for ${Math.round(giveUpAfterMs / 1000)} s (${reason})`);
    }
    const delayMs = serverRetryMs ?? delays[Math.min(failures, delays.length - 1)];
    failures++;
    options.onReconnect?.({ attempt: failures, reason, lastEventId, delayMs });
    try {
      await sleep(delayMs, userSignal);
    } catch (error) {
      throwIfInterrupted();
      throw error;
    }
  }
}

function isEventStream(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').toLowerCase().startsWith('text/event-stream');
}

/**
 * Reads a response body into the parser until the handler stops (`'stopped'`) or the stream ends, breaks or
 * goes silent (a reason to reconnect).
 */
async function readStream(
  body: ReadableStream<Uint8Array>,
  parser: SseParser,
  idleTimeoutMs: number,
  connection: AbortController,
  onEvent: (event: SseEvent) => 'stop' | void,
): Promise<'stopped' | string> {
  const reader = body.getReader();
  let idle = false;
  let timer: NodeJS.Timeout | undefined;
  const armIdleTimer = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      idle = true;
      // Cancels the read below (`onAbort`), and the request.
      connection.abort();
    }, idleTimeoutMs);
  };
  const onAbort = () => {
    reader.cancel().catch(() => undefined);
  };
  connection.signal.addEventListener('abort', onAbort, { once: true });
  armIdleTimer();
  try {
    for (;;) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (idle) return `no data for ${Math.round(idleTimeoutMs / 1000)} s`;
        return `the connection broke (${messageOf(error)})`;
      }
      if (idle) return `no data for ${Math.round(idleTimeoutMs / 1000)} s`;
      const events = chunk.done ? parser.end() : parser.push(chunk.value);
      for (const event of events) if (onEvent(event) === 'stop') return 'stopped';
      if (chunk.done) return 'the server ended the stream before the run ended';
      armIdleTimer();
    }
  } finally {
    clearTimeout(timer);
    connection.signal.removeEventListener('abort', onAbort);
    reader.releaseLock();
  }
}
