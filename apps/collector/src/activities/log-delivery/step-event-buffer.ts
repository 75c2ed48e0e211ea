import type { LogWritten } from '@yardmaster/job-sdk';
import type { EncodedEvent, PublishBatchOutcome } from '@yardmaster/messaging';
import { DeliveryBackoff } from './delivery-backoff';
import type { LogDeliveryLimits } from './log-delivery-limits';
import { LogDeliveryFailed } from './log-delivery-failed';

/** What the buffer needs of `EventPublisher`: a fake in unit tests. */
export interface BatchPublisher {
  publishBatch(events: readonly EncodedEvent[]): Promise<PublishBatchOutcome>;
}

export interface StepEventBufferOptions {
  readonly limits: LogDeliveryLimits;
  /** Named in the give-up error: where the entries should have gone. */
  readonly natsAddress: string;
  readonly backoff?: DeliveryBackoff;
}

/**
 * Events, and entries they carry, sent in one pipelined batch: four `run.log_batch` of 256 lines, or 256 events of one
 * entry each (progress reports, single entries); big enough to hide the round trip, small enough to re-send cheaply.
 */
const EVENTS_PER_SEND = 256;
const ENTRIES_PER_SEND = 1024;

/**
 * Batches on the wire at once while NATS answers: the next ones go out while JetStream still stores and acknowledges
 * the first, so the collector never sits idle waiting for a round trip. A few are enough; more would only mean more to
 * re-send after a failure.
 */
const BATCHES_IN_FLIGHT = 4;

interface BatchInFlight {
  readonly count: number;
  readonly outcome: Promise<PublishBatchOutcome>;
}

/** An event that the entries written after it may join while it waits to go out: a batch of log lines. */
export interface JoinableEvent {
  /** Takes one more entry when there is room for it; false when the entry must start an event of its own. */
  join(entry: string): boolean;
  /** Called once, when the event goes out: it takes no entry after that. */
  build(): EncodedEvent;
}

interface PendingEvent {
  /** Built when its turn comes (a coalesced progress report sends its latest values), then fixed for re-sends. */
  event: EncodedEvent | null;
  readonly build: () => EncodedEvent;
  bytes: number;
  /** The entries (log lines) it carries: what the buffer's limit counts. */
  entries: number;
  /** While it waits unbuilt, the entries of `family` that follow may join it. */
  joinable: { readonly event: JoinableEvent; readonly family: object } | null;
  readonly written: LogWritten;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * A step's events on their way to JetStream. Enqueueing never waits: a delivery loop publishes the entries in
 * the order they were enqueued, in pipelined batches, and while NATS is away re-sends from the first
 * unacknowledged entry with backoff (one at a time, so an outage does not pile up copies). An entry is never
 * dropped, never overtaken, and stored once (its msgID). `room()` is the back-pressure: it waits while the
 * buffer holds its limit of entries or bytes. When delivery makes no headway for `giveUpAfterMs`, or `flush`
 * reaches its deadline, the buffer gives up: every waiter rejects with `LogDeliveryFailed`.
 */
export class StepEventBuffer {
  private readonly queue: PendingEvent[] = [];
  /** Batches sent and not yet answered, oldest first; they hold the first `sentAhead` events of the queue. */
  private inFlight: BatchInFlight[] = [];
  private sentAhead = 0;
  private entries = 0;
  private bytes = 0;
  private delivering = false;
  private failure: LogDeliveryFailed | null = null;
  private stalledSince: number | null = null;
  private lastError: unknown = null;
  private roomWaiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  private drainWaiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  private readonly backoff: DeliveryBackoff;

  constructor(
    private readonly publisher: BatchPublisher,
    private readonly options: StepEventBufferOptions,
  ) {
    this.backoff = options.backoff ?? new DeliveryBackoff();
  }

  /** Entries not yet delivered (a batch counts its lines). */
  get pendingEntries(): number {
    return this.entries;
  }

  get pendingBytes(): number {
    return this.bytes;
  }

  /** Why the buffer gave up, or null while it has not. */
  get gaveUp(): LogDeliveryFailed | null {
    return this.failure;
  }

  enqueue(event: EncodedEvent): LogWritten {
    return this.enqueueLazy(() => event, sizeOf(event));
  }

  /** Enqueues an event built only when it is sent; `estimatedBytes` counts against the limit until then. */
  enqueueLazy(build: () => EncodedEvent, estimatedBytes: number): LogWritten {
    return this.push(build, estimatedBytes, null);
  }

  /**
   * Enqueues one entry (a log line's JSON) of `family` (its writer): it joins the last waiting event when that is
   * one `open` made for the same family and has room, else `open` starts a new event with it. Order is kept: an
   * entry only ever joins the event at the end of the queue. The entry's promise is its event's.
   */
  enqueueJoining(entry: string, family: object, open: () => JoinableEvent): LogWritten {
    const last = this.queue.length > this.sentAhead ? this.queue[this.queue.length - 1] : undefined;
    if (last?.joinable && last.event === null && last.joinable.family === family && !this.failure && last.joinable.event.join(entry)) {
      last.entries++;
      last.bytes += entry.length;
      this.entries++;
      this.bytes += entry.length;
      return last.written;
    }
    const event = open();
    return this.push(() => event.build(), entry.length, { event, family });
  }

  private push(build: () => EncodedEvent, estimatedBytes: number, joinable: PendingEvent['joinable']): LogWritten {
    let resolve!: () => void;
    let reject!: (error: unknown) => void;
    const written = new Promise<void>((onDelivered, onFailed) => {
      resolve = onDelivered;
      reject = onFailed;
    });
    // The job need not await it; the give-up reaches it through flush() and the step's failure.
    written.catch(() => undefined);
    if (this.failure) {
      reject(this.failure);
      return written;
    }
    this.queue.push({ event: null, build, bytes: estimatedBytes, entries: 1, joinable, written, resolve, reject });
    this.entries++;
    this.bytes += estimatedBytes;
    this.deliver();
    return written;
  }

  /** Resolves at once while the buffer is below its limits; else when delivery has made room. */
  room(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.hasRoom()) return Promise.resolve();
    return new Promise((resolve, reject) => this.roomWaiters.push({ resolve, reject }));
  }

  /** Resolves when every entry enqueued so far is delivered; gives up at `deadlineAt` (epoch ms) if NATS has not let it. */
  flush(deadlineAt = Number.POSITIVE_INFINITY): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.queue.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const timer = Number.isFinite(deadlineAt) ? setTimeout(() => this.giveUp(Date.now() - started), Math.max(0, deadlineAt - started)) : null;
      const settled = (then: () => void) => () => {
        if (timer) clearTimeout(timer);
        then();
      };
      this.drainWaiters.push({ resolve: settled(resolve), reject: (error) => settled(() => reject(error))() });
    });
  }

  private hasRoom(): boolean {
    return this.entries < this.options.limits.maxEntries && this.bytes < this.options.limits.maxBytes;
  }

  private deliver(): void {
    if (this.delivering || this.failure) return;
    this.delivering = true;
    // Starts after the current synchronous burst of writes, which then goes out as one batch; and never
    // builds a lazy entry while its writer is still enqueueing it.
    void Promise.resolve()
      .then(() => this.deliverAll())
      .finally(() => {
        this.delivering = false;
        // An entry enqueued while the loop was finishing would otherwise wait for the next write.
        if (this.queue.length > 0) this.deliver();
      });
  }

  private async deliverAll(): Promise<void> {
    while (!this.failure) {
      this.fillWindow();
      const oldest = this.inFlight.shift();
      if (!oldest) return;
      const outcome = await oldest.outcome;
      if (this.failure) return;
      this.sentAhead -= oldest.count;
      this.settle(outcome.delivered);
      if (outcome.error === null) {
        this.stalledSince = null;
        this.backoff.reset();
        continue;
      }
      // The batches behind it went out after an entry that is not stored: let them finish, then re-send from that
      // entry on (what they stored meanwhile is dropped by JetStream as a duplicate of its msgID).
      await this.abandonInFlight();
      if (this.failure) return;
      this.lastError = outcome.error;
      if (outcome.delivered > 0 || this.stalledSince === null) this.stalledSince = Date.now();
      const stalledMs = Date.now() - this.stalledSince;
      if (stalledMs >= this.options.limits.giveUpAfterMs) {
        this.giveUp(stalledMs);
        return;
      }
      await sleep(this.backoff.next());
    }
  }

  /** Sends the next events until the window is full; while NATS is away, one event probes and the rest follow once it is stored. */
  private fillWindow(): void {
    const stalled = this.stalledSince !== null;
    const eventsPerSend = stalled ? 1 : EVENTS_PER_SEND;
    const entriesPerSend = stalled ? 1 : ENTRIES_PER_SEND;
    const window = stalled ? 1 : BATCHES_IN_FLIGHT;
    while (this.inFlight.length < window && this.sentAhead < this.queue.length) {
      const batch: EncodedEvent[] = [];
      let entries = 0;
      // At least one event, however many entries it carries.
      while (this.sentAhead < this.queue.length && (batch.length === 0 || (batch.length < eventsPerSend && entries + this.queue[this.sentAhead].entries <= entriesPerSend))) {
        const pending = this.queue[this.sentAhead++];
        batch.push(this.built(pending));
        entries += pending.entries;
      }
      this.inFlight.push({ count: batch.length, outcome: this.send(batch) });
    }
  }

  private send(batch: readonly EncodedEvent[]): Promise<PublishBatchOutcome> {
    try {
      return this.publisher.publishBatch(batch).catch((error: unknown) => ({ delivered: 0, error }));
    } catch (error) {
      return Promise.resolve({ delivered: 0, error });
    }
  }

  private async abandonInFlight(): Promise<void> {
    const abandoned = this.inFlight.splice(0);
    this.sentAhead = 0;
    await Promise.all(abandoned.map((batch) => batch.outcome));
  }

  private built(pending: PendingEvent): EncodedEvent {
    if (!pending.event) {
      pending.event = pending.build();
      pending.joinable = null;
      const bytes = sizeOf(pending.event);
      this.bytes += bytes - pending.bytes;
      pending.bytes = bytes;
    }
    return pending.event;
  }

  private settle(delivered: number): void {
    if (delivered === 0) return;
    for (const pending of this.queue.splice(0, delivered)) {
      this.entries -= pending.entries;
      this.bytes -= pending.bytes;
      pending.resolve();
    }
    if (this.hasRoom()) wake(this.roomWaiters.splice(0));
    if (this.queue.length === 0) wake(this.drainWaiters.splice(0));
  }

  private giveUp(waitedMs: number): void {
    if (this.failure) return;
    this.failure = new LogDeliveryFailed(this.entries, this.options.natsAddress, waitedMs, this.lastError);
    const failure = this.failure;
    for (const pending of this.queue) pending.reject(failure);
    for (const waiter of [...this.roomWaiters.splice(0), ...this.drainWaiters.splice(0)]) waiter.reject(failure);
  }
}

function sizeOf(event: EncodedEvent): number {
  return event.payload.byteLength + event.subject.length + event.id.length;
}

function wake(waiters: ReadonlyArray<{ resolve: () => void }>): void {
  for (const waiter of waiters) waiter.resolve();
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
