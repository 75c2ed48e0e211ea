import type { JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { readEvent, type Contract } from '@yardmaster/contracts';
import { decodeJson } from '../json-codec';
import { parkMessage } from '../parked-events/park-message';
import { logContextOf, withLogContext } from '../service-chassis/log-context';
import { errorLogFields } from '../service-chassis/log-fields';
import { contextOfHeaders, inSpan, markFailed, SpanKind, startSpan, TRACEPARENT } from '../tracing/trace-context';
import { planBatch } from './batch-plan';
import type { OutageWatch } from './outage-watch';
import { backoffDelayMs, isSpent, type RedeliveryPolicy } from './redelivery-policy';
import type { ConsumerLog, DurableConsumerSpec, StreamBatchHandler, StreamMessage, StreamMessageHandler } from './stream-message';

export interface DurableWorkerOptions<TEvent> {
  /** What the stream's events must look like: one that does not is parked at once, unhandled. */
  readonly contract: Contract<TEvent>;
  readonly handle: StreamMessageHandler<TEvent>;
  /** Applies several events at once; without it every event is handled alone. */
  readonly handleBatch?: StreamBatchHandler<TEvent>;
  /** Subjects of events this consumer never acts on: acked unread, without decoding them. */
  readonly ignores?: (subject: string) => boolean;
  readonly redelivery: RedeliveryPolicy;
  /** The parked stream's subject for this consumer: where an event goes once its deliveries are spent. */
  readonly parkSubject: string;
  readonly log: ConsumerLog;
  /** A dependency whose outage holds events instead of failing them (shared by a service's consumers). */
  readonly outage?: OutageWatch;
}

interface Delivery<TEvent> {
  readonly msg: JsMsg;
  readonly message: StreamMessage<TEvent>;
}

/**
 * A message as read on arrival (see `accept`): decoded and checked against the contract, the reason it could not
 * be (kept until its turn comes to be parked), or one the consumer never acts on (acked with its batch).
 */
export type Arrival<TEvent> = Delivery<TEvent> | { readonly msg: JsMsg; readonly unreadable: unknown } | { readonly msg: JsMsg; readonly ignored: true };

/** How a batch went: applied and acked, failed (its events are then handled one by one), or released by a stop. */
type BatchOutcome = 'applied' | 'failed' | 'released';

/**
 * Handles what a durable consumer pulled. Messages that decode and match the contract are applied in one batch
 * when the consumer has a batch handler (acked after it resolves); a batch that fails is handled again message by
 * message, so each event's own failures are counted and a poisonous one is parked alone. A message that failed
 * is redelivered after a growing delay (behind the messages that followed it: handlers must not rely on strict
 * order), and after `maxDeliveries` failures it is parked with the reason, then acked. A failure the outage watch
 * explains is no failure of the events: they are held and tried again with backoff until the dependency is back.
 */
export class DurableWorker<TEvent> {
  /** Failed tries per stream sequence, while this process lives: a restart gives an event its tries again. */
  private readonly failures = new Map<number, number>();
  private wakeUp: (() => void) | null = null;
  stopping = false;

  constructor(
    private readonly nc: NatsConnection,
    private readonly spec: DurableConsumerSpec,
    private readonly options: DurableWorkerOptions<TEvent>,
  ) {}

  stop(): void {
    this.stopping = true;
    this.wakeUp?.();
  }

  /**
   * Reads a message as soon as it arrives, while the previous batch is still being applied (its transaction waits on
   * the database, so the decoding and the contract check cost the batch no time). Nothing else happens to it until
   * `deliverAll`: not even the ack of one the consumer ignores, since acks sent one by one as messages arrive would
   * each be a socket write of their own (acks sent in one loop go out together).
   */
  accept(msg: JsMsg): Arrival<TEvent> {
    if (this.options.ignores?.(msg.subject)) return { msg, ignored: true };
    try {
      // Written by an older version? Upcast to the current shape first (event-contract/upcasters.ts).
      const event = readEvent(this.options.contract, decodeJson<unknown>(msg.data), `Event ${msg.subject}`);
      return { msg, message: { event, subject: msg.subject, stream: this.spec.stream, streamSequence: msg.seq, redelivered: msg.redelivered } };
    } catch (unreadable) {
      return { msg, unreadable };
    }
  }

  /** Handles messages pulled together (as `accept` read them), in stream order. */
  async deliverAll(arrivals: ReadonlyArray<Arrival<TEvent>>): Promise<void> {
    if (this.stopping) return this.releaseAll(arrivals);
    const deliveries: Array<Delivery<TEvent>> = [];
    for (const arrival of arrivals) {
      if ('message' in arrival) deliveries.push(arrival);
      else if ('ignored' in arrival) arrival.msg.ack();
      // It will never decode or match its contract, however often it is tried: parked at once, so that it can be looked at.
      else await withLogContext(logContextOf(decodedOrNull(arrival.msg)), () => this.park(arrival.msg, 1, arrival.unreadable));
    }
    const plan = planBatch(deliveries, ({ msg }) => this.failures.has(msg.seq), this.options.handleBatch !== undefined);
    const { together } = plan;
    let { alone } = plan;
    if (together.length > 0) {
      const outcome = await this.deliverBatch(together);
      if (outcome === 'released') return this.releaseAll(alone);
      // One by one now: each event's own failures are counted, and a poisonous one is parked alone.
      if (outcome === 'failed') alone = [...together, ...alone];
    }
    for (const [index, delivery] of alone.entries()) {
      if (this.stopping) return this.releaseAll(alone.slice(index));
      await this.deliverAlone(delivery);
    }
  }

  /** Gives back messages this worker will not handle because it stops: redelivered at once to whoever follows. */
  releaseAll(deliveries: ReadonlyArray<Pick<Delivery<TEvent>, 'msg'>>): void {
    for (const { msg } of deliveries) msg.nak();
  }

  private async deliverBatch(deliveries: ReadonlyArray<Delivery<TEvent>>): Promise<BatchOutcome> {
    const handleBatch = this.options.handleBatch as StreamBatchHandler<TEvent>;
    const messages = deliveries.map(({ message }) => message);
    for (let outageTries = 1; ; outageTries++) {
      if (this.stopping) {
        this.releaseAll(deliveries);
        return 'released';
      }
      try {
        await this.handleBatchInTrace(deliveries, () => handleBatch(messages));
        this.options.outage?.passed();
        for (const { msg } of deliveries) msg.ack();
        return 'applied';
      } catch (error) {
        if (await this.heldByOutage(deliveries.map(({ msg }) => msg), outageTries, error)) continue;
        if (!this.stopping) return 'failed';
      }
    }
  }

  private async deliverAlone({ msg, message }: Delivery<TEvent>): Promise<void> {
    // Everything logged about this event, by the consumer or its handler, carries its correlation and run ids.
    await withLogContext(logContextOf(message.event), async () => {
      for (let outageTries = 1; ; outageTries++) {
        try {
          await this.handleInTrace(msg, message);
          this.failures.delete(msg.seq);
          this.options.outage?.passed();
          msg.ack();
          return;
        } catch (error) {
          if (await this.heldByOutage([msg], outageTries, error)) continue;
          await this.failed(msg, error);
          return;
        }
      }
    });
  }

  /** In a span of the trace its producer was in, when it came with one (tracing on); as it is otherwise. */
  private handleInTrace(msg: JsMsg, message: StreamMessage<TEvent>): Promise<void> {
    if (!msg.headers?.has(TRACEPARENT)) return this.options.handle(message);
    return inSpan(`apply ${this.spec.stream}`, SpanKind.CONSUMER, contextOfHeaders(msg.headers), async (span) => {
      span.setAttribute('messaging.destination.name', msg.subject);
      await this.options.handle(message);
    });
  }

  /** A batch's events may belong to several traces: each traced event gets its own span around the batch's apply. */
  private async handleBatchInTrace(deliveries: ReadonlyArray<Delivery<TEvent>>, apply: () => Promise<void>): Promise<void> {
    const traced = deliveries.filter(({ msg }) => msg.headers?.has(TRACEPARENT));
    if (traced.length === 0) return apply();
    const spans = traced.map(({ msg }) => {
      const span = startSpan(`apply ${this.spec.stream}`, SpanKind.CONSUMER, contextOfHeaders(msg.headers));
      span.setAttribute('messaging.destination.name', msg.subject);
      span.setAttribute('messaging.batch.message_count', deliveries.length);
      return span;
    });
    try {
      await apply();
    } catch (error) {
      for (const span of spans) markFailed(span, error);
      throw error;
    } finally {
      for (const span of spans) span.end();
    }
  }

  /** When the outage explains `error`: waits its backoff, keeps the messages ours, and says to try again. */
  private async heldByOutage(msgs: readonly JsMsg[], outageTries: number, error: unknown): Promise<boolean> {
    const { outage } = this.options;
    if (!outage?.explains(error) || this.stopping) return false;
    let delayMs = 0;
    for (const msg of msgs) delayMs = outage.held(`${this.spec.durableName}:${this.spec.stream}:${msg.seq}`, outageTries, error);
    await this.pause(delayMs);
    // Still ours: without this the server would hand them out again once ack_wait passes.
    for (const msg of msgs) msg.working();
    return !this.stopping;
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

/** The event as JSON, before its contract is checked: enough to read its ids for the log. */
function decodedOrNull(msg: JsMsg): unknown {
  try {
    return decodeJson<unknown>(msg.data);
  } catch {
    return null;
  }
}
