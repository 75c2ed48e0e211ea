import { createInbox, headers, type Msg, type NatsConnection, type Subscription } from '@nats-io/nats-core';
import { decodeJson } from './json-codec';
import { traceHeaderEntries } from './tracing/trace-context';
import type { EncodedEvent, PublishBatchOutcome } from './event-publisher';

/** How long a batch waits for the stream's acknowledgements before the unacknowledged rest counts as failed. */
const ACK_TIMEOUT_MS = 5_000;

/** Why an event of a batch was not acknowledged. */
export class PublishNotAcknowledged extends Error {
  override readonly name = 'PublishNotAcknowledged';
}

type Settle = (error: unknown) => void;

/**
 * JetStream publishes whose acknowledgements come back on one wildcard subscription, told apart by the last token of
 * their reply subject. The client's own `js.publish` makes a request per event, and each request constructs error
 * objects (a stack trace each) even when it succeeds: at thousands of log lines a second that was a fifth of the
 * collector's CPU. Here a batch costs its publishes, one timer and its acknowledgements.
 */
export class PipelinedPublisher {
  private readonly prefix = createInbox();
  private subscription: Subscription | null = null;
  private next = 0;
  private readonly waiting = new Map<string, Settle>();

  constructor(
    private readonly nc: NatsConnection,
    private readonly ackTimeoutMs = ACK_TIMEOUT_MS,
  ) {}

  /** Sends the events in order without waiting, then waits for every acknowledgement (or the timeout). Never throws. */
  async publishAll(events: readonly EncodedEvent[]): Promise<PublishBatchOutcome> {
    this.subscribe();
    const tokens: string[] = [];
    // The batch goes out in one trace (or none): read once, not for each of its events.
    const trace = traceHeaderEntries();
    const outcomes = events.map((event) => {
      const token = String(++this.next);
      tokens.push(token);
      return new Promise<unknown>((resolve) => {
        this.waiting.set(token, resolve);
        try {
          // The trace the batch is sent in, when tracing is on, and the id JetStream dedups on.
          const header = headers();
          for (const [key, value] of trace) header.set(key, value);
          header.set('Nats-Msg-Id', event.id);
          this.nc.publish(event.subject, event.payload, { reply: `${this.prefix}.${token}`, headers: header });
        } catch (error) {
          // Closed or draining: this event and those after it are not sent.
          this.settle(token, error);
        }
      });
    });
    const timer = setTimeout(() => {
      for (const token of tokens) this.settle(token, new PublishNotAcknowledged(`No acknowledgement from JetStream within ${this.ackTimeoutMs} ms`));
    }, this.ackTimeoutMs);
    const errors = await Promise.all(outcomes);
    clearTimeout(timer);
    const firstFailed = errors.findIndex((error) => error !== null);
    return firstFailed === -1 ? { delivered: events.length, error: null } : { delivered: firstFailed, error: errors[firstFailed] };
  }

  /** Stops listening for acknowledgements; batches still waiting fail. */
  close(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
    for (const token of [...this.waiting.keys()]) this.settle(token, new PublishNotAcknowledged('The publisher was closed'));
  }

  private subscribe(): void {
    if (this.subscription) return;
    this.subscription = this.nc.subscribe(`${this.prefix}.*`, { callback: (error, msg) => (error ? undefined : this.acknowledged(msg)) });
  }

  private acknowledged(msg: Msg): void {
    const token = msg.subject.slice(this.prefix.length + 1);
    this.settle(token, failureOf(msg));
  }

  private settle(token: string, error: unknown): void {
    const settle = this.waiting.get(token);
    if (!settle) return;
    this.waiting.delete(token);
    settle(error);
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
