import type { EncodedEvent, PublishBatchOutcome } from '@yardmaster/messaging';
import { DeliveryBackoff } from './delivery-backoff';
import type { LogDeliveryLimits } from './log-delivery-limits';
import { LogDeliveryFailed } from './log-delivery-failed';
import { StepEventBuffer, type BatchPublisher, type JoinableEvent } from './step-event-buffer';

const ROOMY: LogDeliveryLimits = { maxEntries: 100_000, maxBytes: 1024 * 1024 * 1024, giveUpAfterMs: 60_000 };

function entry(id: string, bytes = 10): EncodedEvent {
  return { subject: 's', id, payload: new Uint8Array(bytes) };
}

function bufferOver(publisher: BatchPublisher, limits: Partial<LogDeliveryLimits> = {}): StepEventBuffer {
  return new StepEventBuffer(publisher, { limits: { ...ROOMY, ...limits }, natsAddress: '127.0.0.1:4999', backoff: new DeliveryBackoff(1, 5) });
}

/**
 * A JetStream stand-in behind one ordered connection: stores an event once per id (msgID de-duplication), and follows
 * a script of what goes wrong per batch: `fail` (the connection breaks for a few milliseconds: nothing of the batch is
 * stored, nor of anything sent until it is back), `ackLostAfter` (the whole batch is stored, but the acknowledgement
 * of its event at that index is lost, so the sender must re-send from there) or `ok`.
 */
class ScriptedStream implements BatchPublisher {
  readonly stored: string[] = [];
  readonly batches: string[][] = [];
  readonly script: Array<{ fail: true } | { ackLostAfter: number } | { ok: true }> = [];
  down = false;
  private broken = false;

  async publishBatch(events: readonly EncodedEvent[]): Promise<PublishBatchOutcome> {
    this.batches.push(events.map((event) => event.id));
    const step = this.script.shift();
    if (step && 'fail' in step && !this.broken) {
      this.broken = true;
      setTimeout(() => (this.broken = false), 5);
    }
    const lost = this.down || this.broken;
    if (!lost) for (const event of events) this.store(event.id);
    await Promise.resolve();
    if (lost) return { delivered: 0, error: new Error(this.down ? 'TIMEOUT' : 'disconnected') };
    if (step && 'ackLostAfter' in step && step.ackLostAfter < events.length) return { delivered: step.ackLostAfter, error: new Error('ack lost') };
    return { delivered: events.length, error: null };
  }

  private store(id: string): void {
    if (!this.stored.includes(id)) this.stored.push(id);
  }
}

/** Holds each batch until released. */
class GatedStream implements BatchPublisher {
  readonly delivered: string[] = [];
  private readonly gates: Array<() => void> = [];

  get held(): number {
    return this.gates.length;
  }

  async publishBatch(events: readonly EncodedEvent[]): Promise<PublishBatchOutcome> {
    await new Promise<void>((resolve) => this.gates.push(resolve));
    this.delivered.push(...events.map((event) => event.id));
    return { delivered: events.length, error: null };
  }

  async release(): Promise<void> {
    this.gates.shift()?.();
    await turns();
  }
}

async function turns(count = 20): Promise<void> {
  for (let turn = 0; turn < count; turn++) await Promise.resolve();
}

async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await turns();
  return settled;
}

const ids = (count: number, from = 1) => Array.from({ length: count }, (_, index) => `e${from + index}`);

/** Parts joined into one event of at most `room` parts, named `<first>+<last>` and carrying its parts. */
class Joined implements JoinableEvent {
  readonly parts: string[];
  constructor(
    first: string,
    private readonly room = 3,
  ) {
    this.parts = [first];
  }

  join(part: string): boolean {
    if (this.parts.length >= this.room) return false;
    this.parts.push(part);
    return true;
  }

  build(): EncodedEvent {
    return { subject: 's', id: `${this.parts[0]}+${this.parts[this.parts.length - 1]}`, payload: new TextEncoder().encode(this.parts.join(',')) };
  }
}

describe('StepEventBuffer', () => {
  it('delivers every entry once, in the order enqueued, across failed batches and lost acknowledgements', async () => {
    const stream = new ScriptedStream();
    stream.script.push({ ackLostAfter: 100 }, { fail: true }, { fail: true }, { ackLostAfter: 0 }, { ackLostAfter: 3 });
    const buffer = bufferOver(stream);
    const written = ids(1000).map((id) => buffer.enqueue(entry(id)));
    await buffer.flush();
    await Promise.all(written);
    expect(stream.stored).toEqual(ids(1000));
    expect(buffer.pendingEntries).toBe(0);
    expect(buffer.pendingBytes).toBe(0);
  });

  it('delivers every entry once, in order, when batches deep in the window fail while others are on the wire', async () => {
    const stream = new ScriptedStream();
    // Batch 2 loses an acknowledgement; the re-sent window's third batch meets a broken connection.
    stream.script.push({ ackLostAfter: 0 }, { ackLostAfter: 17 }, { ok: true }, { ok: true }, { ok: true }, { ok: true }, { fail: true });
    const buffer = bufferOver(stream);
    const written = ids(3000).map((id) => buffer.enqueue(entry(id)));
    await buffer.flush();
    await Promise.all(written);
    expect(stream.stored).toEqual(ids(3000));
    // The first window: four batches on the wire before the first answer; the re-send starts at the entry whose
    // acknowledgement was lost (batch 1 reported none acknowledged), never later.
    expect(stream.batches.slice(0, 4).map((batch) => batch[0])).toEqual(['e1', 'e257', 'e513', 'e769']);
    expect(stream.batches[4][0]).toBe('e1');
  });

  it('keeps at most four batches on the wire, and sends the next one as the oldest is answered', async () => {
    const stream = new GatedStream();
    const buffer = bufferOver(stream);
    for (const id of ids(2000)) void buffer.enqueue(entry(id));
    await turns();
    expect(stream.held).toBe(4);
    await stream.release();
    expect(stream.delivered).toEqual(ids(256));
    expect(stream.held).toBe(4);
    while (stream.held > 0) await stream.release();
    expect(stream.delivered).toEqual(ids(2000));
  });

  it('re-sends nothing while batches behind a failed one are still on the wire', async () => {
    const gated = new GatedStream();
    let calls = 0;
    const buffer = bufferOver({
      publishBatch: (events) => (++calls === 1 ? Promise.resolve({ delivered: 10, error: new Error('ack lost') }) : gated.publishBatch(events)),
    });
    for (const id of ids(600)) void buffer.enqueue(entry(id));
    await turns();
    // Batches 2 and 3 are held: the re-send from e11 waits for them.
    expect(calls).toBe(3);
    await gated.release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls).toBe(3);
    const flushed = buffer.flush();
    while (!(await isSettled(flushed))) {
      await gated.release();
      // The re-send waits out a backoff first: a timer, not a microtask.
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(calls).toBeGreaterThan(3);
    expect(gated.delivered.slice(-590)).toEqual(ids(590, 11));
  });

  it('sends pipelined batches while NATS answers, and one entry at a time while it does not', async () => {
    const stream = new ScriptedStream();
    stream.down = true;
    const buffer = bufferOver(stream);
    for (const id of ids(600)) void buffer.enqueue(entry(id));
    await new Promise((resolve) => setTimeout(resolve, 30));
    stream.down = false;
    await buffer.flush();
    // The first window went out whole: 600 entries in batches of 256.
    expect(stream.batches.slice(0, 3).map((batch) => batch.length)).toEqual([256, 256, 88]);
    const retries = stream.batches.slice(3);
    const whileDown = retries.slice(0, retries.findIndex((batch) => batch.length > 1));
    expect(whileDown.length).toBeGreaterThan(0);
    expect(whileDown.every((batch) => batch.length === 1 && batch[0] === 'e1')).toBe(true);
    expect(stream.stored).toEqual(ids(600));
  });

  it('resolves a LogWritten only once its entry is delivered', async () => {
    const stream = new GatedStream();
    const buffer = bufferOver(stream);
    const written = buffer.enqueue(entry('e1'));
    await turns();
    expect(await isSettled(written)).toBe(false);
    await stream.release();
    expect(await isSettled(written)).toBe(true);
  });

  it('makes a writer wait for room while it holds its limit of entries', async () => {
    const stream = new GatedStream();
    const buffer = bufferOver(stream, { maxEntries: 3 });
    void buffer.enqueue(entry('e1'));
    void buffer.enqueue(entry('e2'));
    await expect(isSettled(buffer.room())).resolves.toBe(true);
    void buffer.enqueue(entry('e3'));
    const room = buffer.room();
    expect(await isSettled(room)).toBe(false);
    // The first batch (e1, e2) goes out: room for more, though e3 is still on its way.
    await stream.release();
    expect(stream.delivered).toEqual(['e1', 'e2']);
    expect(await isSettled(room)).toBe(true);
  });

  it('makes a writer wait for room while it holds its limit of bytes, whatever the count', async () => {
    const stream = new GatedStream();
    const buffer = bufferOver(stream, { maxBytes: 1000 });
    void buffer.enqueue(entry('small', 100));
    expect(await isSettled(buffer.room())).toBe(true);
    void buffer.enqueue(entry('big', 900));
    expect(buffer.pendingEntries).toBe(2);
    const room = buffer.room();
    expect(await isSettled(room)).toBe(false);
    await stream.release();
    expect(await isSettled(room)).toBe(true);
  });

  it('builds a lazy entry when its turn comes and counts its real size from then on', async () => {
    const stream = new GatedStream();
    const buffer = bufferOver(stream);
    let built = 0;
    void buffer.enqueueLazy(() => {
      built++;
      return entry('lazy', 50);
    }, 400);
    expect(built).toBe(0);
    expect(buffer.pendingBytes).toBe(400);
    await turns();
    expect(built).toBe(1);
    expect(buffer.pendingBytes).toBe(50 + 's'.length + 'lazy'.length);
    await stream.release();
    expect(buffer.pendingBytes).toBe(0);
  });

  it('joins entries of one family into the event waiting at the end of the queue, in order, until it is full or goes out', async () => {
    const stream = new GatedStream();
    const buffer = bufferOver(stream);
    const family = {};
    const join = (part: string) => buffer.enqueueJoining(part, family, () => new Joined(part));
    const first = join('a');
    // Goes out alone: the delivery starts after the burst of writes in which it was enqueued.
    await turns();
    expect(stream.held).toBe(1);
    const written = ['b', 'c', 'd', 'e'].map(join);
    expect(written[1]).toBe(written[0]);
    void buffer.enqueue(entry('other'));
    const after = [join('f'), join('g')];
    expect(buffer.pendingEntries).toBe(8);
    expect(await isSettled(first)).toBe(false);
    await stream.release();
    for (let round = 0; round < 5 && stream.held > 0; round++) await stream.release();
    await buffer.flush();
    await Promise.all([first, ...written, ...after]);
    expect(stream.delivered).toEqual(['a+a', 'b+d', 'e+e', 'other', 'f+g']);
    expect(buffer.pendingEntries).toBe(0);
  });

  it('never joins an entry to an event of another family, nor to one already sent', async () => {
    const stream = new GatedStream();
    const buffer = bufferOver(stream);
    const [one, two] = [{}, {}];
    void buffer.enqueueJoining('a', one, () => new Joined('a'));
    void buffer.enqueueJoining('b', two, () => new Joined('b'));
    void buffer.enqueueJoining('c', two, () => new Joined('c'));
    await turns();
    void buffer.enqueueJoining('d', two, () => new Joined('d'));
    for (let round = 0; round < 5 && stream.held > 0; round++) await stream.release();
    await buffer.flush();
    expect(stream.delivered).toEqual(['a+a', 'b+c', 'd+d']);
  });

  it('counts the entries an event carries against its limit, not the events', async () => {
    const stream = new GatedStream();
    const buffer = bufferOver(stream, { maxEntries: 5 });
    const family = {};
    for (const part of ['a', 'b', 'c', 'd']) void buffer.enqueueJoining(part, family, () => new Joined(part, 10));
    expect(await isSettled(buffer.room())).toBe(true);
    void buffer.enqueueJoining('e', family, () => new Joined('e', 10));
    expect(buffer.pendingEntries).toBe(5);
    const room = buffer.room();
    expect(await isSettled(room)).toBe(false);
    await stream.release();
    expect(await isSettled(room)).toBe(true);
    // The first four went out together while the test waited for room; the fifth waits for a window slot.
    expect(stream.delivered).toEqual(['a+d']);
  });

  it('re-sends an event of joined entries as it was built, under the same id, after a failure', async () => {
    const stream = new ScriptedStream();
    stream.script.push({ ok: true }, { fail: true });
    const buffer = bufferOver(stream);
    const family = {};
    void buffer.enqueueJoining('a', family, () => new Joined('a'));
    await turns(3);
    for (const part of ['b', 'c', 'd', 'e']) void buffer.enqueueJoining(part, family, () => new Joined(part));
    await buffer.flush();
    expect(stream.stored).toEqual(['a+a', 'b+d', 'e+e']);
    expect(stream.batches.flat().filter((id) => id === 'b+d').length).toBeGreaterThan(1);
  });

  it('gives up when delivery makes no headway for giveUpAfterMs: every waiter learns it, naming NATS and its address', async () => {
    const stream = new ScriptedStream();
    stream.down = true;
    const buffer = bufferOver(stream, { giveUpAfterMs: 50, maxEntries: 2 });
    const written = [buffer.enqueue(entry('e1')), buffer.enqueue(entry('e2'))];
    const room = buffer.room();
    const flushed = buffer.flush();

    const failure = await flushed.catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LogDeliveryFailed);
    expect((failure as Error).message).toMatch(/^Could not deliver 2 log entries to NATS at 127\.0\.0\.1:4999 within \d+ s \(TIMEOUT\)/);
    await expect(room).rejects.toBe(failure);
    for (const entryWritten of written) await expect(entryWritten).rejects.toBe(failure);
    await expect(buffer.enqueue(entry('e3'))).rejects.toBe(failure);
    expect(buffer.gaveUp).toBe(failure);
    expect(stream.stored).toEqual([]);
  });

  it('gives up at the deadline given to flush, even while a publish hangs', async () => {
    const buffer = bufferOver({ publishBatch: () => new Promise<PublishBatchOutcome>(() => undefined) });
    void buffer.enqueue(entry('e1'));
    await expect(buffer.flush(Date.now() + 30)).rejects.toThrow(/^Could not deliver 1 log entry to NATS at 127\.0\.0\.1:4999 within 0 s \(no answer\)/);
  });

  it('turns the give-up into a non-retryable LogDeliveryFailed failure for Temporal', () => {
    const failure = new LogDeliveryFailed(3, 'nats.example:4222', 300_000, new Error('TIMEOUT')).toFailure();
    expect(failure).toMatchObject({ type: 'LogDeliveryFailed', nonRetryable: true });
    expect(failure.message).toBe('Could not deliver 3 log entries to NATS at nats.example:4222 within 300 s (TIMEOUT); the step was stopped and is not retried');
  });
});
