import { createInbox, type Msg, type NatsConnection, type Subscription } from '@nats-io/nats-core';
import { decodeJson } from './json-codec';
import { publishHeaders } from './publish-headers';
import { traceHeaderEntries } from './tracing/trace-context';
import type { EncodedEvent, PublishBatchOutcome } from './encoded-event';

/** How long a batch waits for the stream's acknowledgements before the unacknowledged rest counts as failed. */
const ACK_TIMEOUT_MS = 5_000;

/** Why an event of a batch was not acknowledged. */
export class PublishNotAcknowledged extends Error {
  override readonly name = 'PublishNotAcknowledged';
}

const PENDING = 0;
const STORED = 1;
const FAILED = 2;

/** One batch on the wire: what each of its events got back, and who waits for the outcome. */
interface BatchOnWire {
  /** How many times the connection had been interrupted when the batch was sent. */
  readonly sentAfterInterruptions: number;
  readonly states: Uint8Array;
  readonly errors: Map<number, unknown>;
  unanswered: number;
  timer: ReturnType<typeof setTimeout> | null;
  readonly done: (outcome: PublishBatchOutcome) => void;
}

/**
 * JetStream publishes whose acknowledgements come back on one wildcard subscription, told apart by their reply
 * subject (`<inbox>.<batch>.<index>`). The client's own `js.publish` makes a request per event, and each request
 * constructs error objects (a stack trace each) even when it succeeds: at thousands of log lines a second that was a
 * fifth of the collector's CPU. Here a batch costs its publishes, one promise, one timer and its acknowledgements;
 * several batches may be on the wire at once, each told its own outcome.
 *
 * Several batches on the wire must not let a later one overtake an earlier one. The server stores what reaches it in
 * the order sent, but the client keeps what is published while it knows the connection is down and sends it after the
 * reconnect: a batch published then would be stored while an earlier batch's tail was lost with the old connection. So
 * while the connection is down, and after a reconnect until every batch sent before it is answered, a batch is refused
 * unsent (its outcome: nothing delivered), and the sender re-sends from its first unacknowledged event once the
 * batches before it are answered.
 */
export class PipelinedPublisher {
  private readonly prefix = createInbox();
  private subscription: Subscription | null = null;
  private nextBatch = 0;
  private readonly batches = new Map<number, BatchOnWire>();
  private watchingStatus = false;
  private connected = true;
  private interruptions = 0;

  constructor(
    private readonly nc: NatsConnection,
    private readonly ackTimeoutMs = ACK_TIMEOUT_MS,
  ) {}

  /** Sends the events in order without waiting, then waits for every acknowledgement (or the timeout). Never throws. */
  publishAll(events: readonly EncodedEvent[]): Promise<PublishBatchOutcome> {
    if (events.length === 0) return Promise.resolve({ delivered: 0, error: null });
    this.subscribe();
    this.watchStatus();
    if (!this.connected || this.unansweredFromBeforeInterruption()) {
      return Promise.resolve({ delivered: 0, error: new PublishNotAcknowledged('The NATS connection was interrupted while earlier events were on their way: not sent') });
    }
    const id = ++this.nextBatch;
    return new Promise<PublishBatchOutcome>((done) => {
      const batch: BatchOnWire = {
        sentAfterInterruptions: this.interruptions,
        states: new Uint8Array(events.length),
        errors: new Map(),
        unanswered: events.length,
        timer: null,
        done,
      };
      this.batches.set(id, batch);
      // The batch goes out in one trace (or none): read once, not for each of its events.
      const trace = traceHeaderEntries();
      const replyPrefix = `${this.prefix}.${id}.`;
      for (let index = 0; index < events.length; index++) {
        const event = events[index];
        try {
          this.nc.publish(event.subject, event.payload, { reply: replyPrefix + index, headers: publishHeaders(event.id, trace) });
        } catch (error) {
          // Closed or draining: this event and those after it are not sent.
          for (let rest = index; rest < events.length; rest++) this.answer(id, rest, error);
          return;
        }
      }
      batch.timer = setTimeout(() => this.expire(id), this.ackTimeoutMs);
    });
  }

  /** Stops listening for acknowledgements; batches still waiting fail. */
  close(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
    for (const id of [...this.batches.keys()]) this.expire(id, new PublishNotAcknowledged('The publisher was closed'));
  }

  private subscribe(): void {
    if (this.subscription) return;
    this.subscription = this.nc.subscribe(`${this.prefix}.*.*`, { callback: (error, msg) => (error ? undefined : this.acknowledged(msg)) });
  }

  private watchStatus(): void {
    if (this.watchingStatus) return;
    this.watchingStatus = true;
    void (async () => {
      for await (const status of this.nc.status()) {
        if (status.type !== 'disconnect' && status.type !== 'reconnect') continue;
        this.interruptions++;
        this.connected = status.type === 'reconnect';
      }
    })().catch(() => undefined);
  }

  private unansweredFromBeforeInterruption(): boolean {
    for (const batch of this.batches.values()) if (batch.sentAfterInterruptions !== this.interruptions) return true;
    return false;
  }

  private acknowledged(msg: Msg): void {
    const tokens = msg.subject.slice(this.prefix.length + 1);
    const dot = tokens.indexOf('.');
    this.answer(Number(tokens.slice(0, dot)), Number(tokens.slice(dot + 1)), failureOf(msg));
  }

  private answer(id: number, index: number, error: unknown): void {
    const batch = this.batches.get(id);
    if (!batch || batch.states[index] !== PENDING) return;
    batch.states[index] = error === null ? STORED : FAILED;
    if (error !== null) batch.errors.set(index, error);
    if (--batch.unanswered === 0) this.finish(id, batch);
  }

  private expire(id: number, reason: unknown = new PublishNotAcknowledged(`No acknowledgement from JetStream within ${this.ackTimeoutMs} ms`)): void {
    const batch = this.batches.get(id);
    if (!batch) return;
    for (let index = 0; index < batch.states.length; index++) {
      if (batch.states[index] === PENDING) this.answer(id, index, reason);
    }
  }

  private finish(id: number, batch: BatchOnWire): void {
    this.batches.delete(id);
    if (batch.timer) clearTimeout(batch.timer);
    const firstFailed = batch.states.indexOf(FAILED);
    batch.done(firstFailed === -1 ? { delivered: batch.states.length, error: null } : { delivered: firstFailed, error: batch.errors.get(firstFailed) });
  }
}

/** Null for an acknowledgement; the error for a status (no stream: 503) or a JetStream error reply. */
function failureOf(msg: Msg): unknown {
  if (msg.headers?.hasError) return new PublishNotAcknowledged(`JetStream answered ${msg.headers.code} ${msg.headers.description}`.trim());
  try {
    const reply = decodeJson<{ stream?: string; error?: { code?: number; description?: string } }>(msg.data);
    if (reply.error) return new PublishNotAcknowledged(`JetStream refused the event: ${reply.error.description ?? 'no reason given'} (${reply.error.code ?? 'no code'})`);
    if (!reply.stream) return new PublishNotAcknowledged('JetStream answered without a stream');
    return null;
  } catch (error) {
    return new PublishNotAcknowledged(`Unreadable acknowledgement from JetStream: ${error instanceof Error ? error.message : String(error)}`);
  }
}
