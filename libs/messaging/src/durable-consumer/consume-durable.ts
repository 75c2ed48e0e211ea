import { jetstream, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { parseContract, type Contract } from '@yardmaster/contracts';
import { decodeJson } from '../json-codec';
import { parkMessage } from '../parked-events/park-message';
import { logContextOf, withLogContext } from '../service-chassis/log-context';
import { errorLogFields } from '../service-chassis/log-fields';
import { ensureDurableConsumer } from './ensure-durable-consumer';
import type { OutageWatch } from './outage-watch';
import { backoffDelayMs, isSpent, type RedeliveryPolicy } from './redelivery-policy';
import type { ConsumerLog, DurableConsumerSpec, StreamMessage, StreamMessageHandler } from './stream-message';
import { contextOfHeaders, inSpan, SpanKind, TRACEPARENT } from '../tracing/trace-context';

/** Messages pulled at a time: each is still handled alone, in stream order on first delivery. */
const BATCH_SIZE = 32;

export interface ConsumeDurableOptions<TEvent> {
  /** What the stream's events must look like: one that does not is parked at once, unhandled. */
  readonly contract: Contract<TEvent>;
  readonly handle: StreamMessageHandler<TEvent>;
  readonly redelivery: RedeliveryPolicy;
  /** The parked stream's subject for this consumer: where an event goes once its deliveries are spent. */
  readonly parkSubject: string;
  readonly log: ConsumerLog;
  /** A dependency whose outage holds events instead of failing them (shared by a service's consumers). */
  readonly outage?: OutageWatch;
}

export interface RunningConsumer {
  stop(): Promise<void>;
}

/**
 * Delivers a durable consumer's messages to `handle` one at a time. A message is acked once `handle` resolves.
 * When it throws, the message is redelivered after a growing delay (behind the messages that followed it:
 * handlers must not rely on strict order), and after `maxDeliveries` failures it is parked with the reason, then
 * acked: never dropped, never retried for ever. A failure the outage watch explains is no failure of the event:
 * the consumer holds the message and tries it again with backoff until the dependency is back.
 */
export async function consumeDurable<TEvent>(nc: NatsConnection, spec: DurableConsumerSpec, options: ConsumeDurableOptions<TEvent>): Promise<RunningConsumer> {
  await ensureDurableConsumer(nc, spec);
  const consumer = await jetstream(nc).consumers.get(spec.stream, spec.durableName);
  const messages: ConsumerMessages = await consumer.consume({ max_messages: BATCH_SIZE });
  const worker = new DurableWorker(nc, spec, options);
  const loop = (async () => {
    for await (const msg of messages) {
      if (worker.stopping) {
        msg.nak();
        continue;
      }
      // Everything logged about this event, by the consumer or its handler, carries its correlation and run ids.
      await withLogContext(logContextOf(decodedOrNull(msg)), () => worker.deliver(msg));
    }
  })();
  return {
    async stop() {
      worker.stop();
      await messages.close();
      await loop;
    },
  };
}

/** The event as JSON, before its contract is checked: enough to read its ids for the log. */
function decodedOrNull(msg: JsMsg): unknown {
  try {
    return decodeJson<unknown>(msg.data);
  } catch {
    return null;
  }
}

class DurableWorker<TEvent> {
  /** Failed tries per stream sequence, while this process lives: a restart gives an event its tries again. */
  private readonly failures = new Map<number, number>();
  private wakeUp: (() => void) | null = null;
  stopping = false;

  constructor(
    private readonly nc: NatsConnection,
    private readonly spec: DurableConsumerSpec,
    private readonly options: ConsumeDurableOptions<TEvent>,
  ) {}

  stop(): void {
    this.stopping = true;
    this.wakeUp?.();
  }

  /** In a span of the trace its producer was in, when it came with one (tracing on); as it is otherwise. */
  private handleInTrace(msg: JsMsg, message: StreamMessage<TEvent>): Promise<void> {
    if (!msg.headers?.has(TRACEPARENT)) return this.options.handle(message);
    return inSpan(`apply ${this.spec.stream}`, SpanKind.CONSUMER, contextOfHeaders(msg.headers), async (span) => {
      span.setAttribute('messaging.destination.name', msg.subject);
      await this.options.handle(message);
    });
  }

  async deliver(msg: JsMsg): Promise<void> {
    let message: StreamMessage<TEvent>;
    try {
      message = { event: parseContract(this.options.contract, decodeJson<unknown>(msg.data), `Event ${msg.subject}`), subject: msg.subject, stream: this.spec.stream, streamSequence: msg.seq, redelivered: msg.redelivered };
    } catch (error) {
      // It will never decode or match its contract, however often it is tried: parked at once, so that it can be looked at.
      await this.park(msg, 1, error);
      return;
    }
    for (let outageTries = 1; ; outageTries++) {
      try {
        await this.handleInTrace(msg, message);
        this.failures.delete(msg.seq);
        this.options.outage?.passed();
        msg.ack();
        return;
      } catch (error) {
        const { outage } = this.options;
        if (outage?.explains(error) && !this.stopping) {
          const delayMs = outage.held(`${this.spec.durableName}:${this.spec.stream}:${msg.seq}`, outageTries, error);
          await this.pause(delayMs);
          // Still ours: without this the server would hand it out again once ack_wait passes.
          msg.working();
          if (!this.stopping) continue;
        }
        await this.failed(msg, error);
        return;
      }
    }
  }

  private async failed(msg: JsMsg, error: unknown): Promise<void> {
    if (this.stopping && this.options.outage?.explains(error)) {
      msg.nak();
      return;
    }
    const failures = (this.failures.get(msg.seq) ?? 0) + 1;
    const { redelivery, log } = this.options;
    if (isSpent(failures, redelivery)) {
      await this.park(msg, failures, error);
      return;
    }
    this.failures.set(msg.seq, failures);
    const delayMs = backoffDelayMs(failures, redelivery);
    log.warn({ ...this.where(msg), failures, maxDeliveries: redelivery.maxDeliveries, retryInMs: delayMs, ...errorLogFields(error) }, 'Event failed: tried again later');
    msg.nak(delayMs);
  }

  private where(msg: JsMsg): Record<string, unknown> {
    return { consumer: this.spec.durableName, stream: this.spec.stream, sequence: msg.seq, subject: msg.subject };
  }

  private async park(msg: JsMsg, deliveries: number, error: unknown): Promise<void> {
    try {
      await parkMessage(
        this.nc,
        this.options.parkSubject,
        { stream: this.spec.stream, subject: msg.subject, sequence: msg.seq, consumer: this.spec.durableName, data: msg.data, deliveries },
        error,
      );
    } catch (parkError) {
      // Not parked, so not acked: it comes back and is parked then.
      this.options.log.error({ ...this.where(msg), ...errorLogFields(parkError) }, 'Event could not be parked: tried again later');
      msg.nak(this.options.redelivery.maxDelayMs);
      return;
    }
    this.failures.delete(msg.seq);
    msg.ack();
    this.options.log.error({ ...this.where(msg), deliveries, ...errorLogFields(error) }, 'Event parked');
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }
}
