/**
 * The batched apply over the real NATS server and Postgres. First applyBatchOnce alone on a database of its own:
 * a batch of mixed run events applied in one transaction, a redelivered batch that changes nothing. Then the whole
 * projection on an instance of its own, fed a burst of events published in one pipelined batch (so that the
 * consumer pulls them together): log entries stored once each and readable in the order written, and a poisonous
 * event among them parked while every other event is applied.
 */
import 'reflect-metadata';
import { encodeEvent, listParked, type StreamMessage } from '@yardmaster/messaging';
import { MAX_LOG_BATCH_ENTRIES, newEvent, runEventKind, streamNamesFor, type RunEvent } from '@yardmaster/contracts';
import { createTestDatabase, uniqueInstanceName, waitFor, type TestDatabase } from '@yardmaster/testing';
import { randomUUID } from 'node:crypto';
import { startProjectionOnOwnInstance, type ProjectionOnOwnInstance } from '../test-support/projection-on-own-instance';
import { projectRunEventsInBatch } from '../runs/run-events-batch.projector';
import { isLogEntry } from '../runs/group-log-entries';
import { applyBatchOnce } from './apply-batch-once';
import { applyOnce } from './apply-once';
import { projectRunEventWithSchedule } from '../schedules/schedule-run-events.projector';

jest.setTimeout(60_000);

const RUNS_STREAM = streamNamesFor(uniqueInstanceName('batch')).runs;
const MAX_DELIVERIES = 2;

function runEvent<TType extends RunEvent['type']>(type: TType, runId: string, data: Extract<RunEvent, { type: TType }>['data'], at = new Date()): RunEvent {
  const id = randomUUID();
  return newEvent({ id, type, aggregateId: runId, actor: 'alice', data, occurredAt: at.toISOString(), sequence: 1, correlationId: `corr-${id}` }) as RunEvent;
}

function requested(runId: string): RunEvent {
  const at = new Date().toISOString();
  return runEvent('run.requested', runId, { jobId: 'examples.LogFlood', jobName: 'Log flood', data: {}, commit: true, queue: 'default', requestedBy: 'alice', workflowId: `run-${runId}`, requestedAt: at });
}

function logged(runId: string, message: string): RunEvent {
  return runEvent('run.log', runId, { level: 'info', grouping: 'run', message, object: { type: 'dcim.device', id: message }, attempt: 1, loggedAt: new Date().toISOString() });
}

/** Log entries as the collector sends them since batches: one run.log_batch, each entry with the id of its own. */
function loggedBatch(runId: string, messages: readonly string[]): RunEvent {
  const loggedAt = new Date().toISOString();
  const entries = messages.map((message, index) => ({
    id: `${runId}:run:1:log:${message}`,
    sequence: index + 1,
    level: 'info' as const,
    grouping: 'run',
    message,
    object: { type: 'dcim.device', id: message },
    attempt: 1,
    loggedAt,
  }));
  return runEvent('run.log_batch', runId, { entries });
}

function started(runId: string): RunEvent {
  return runEvent('run.started', runId, { jobId: 'examples.LogFlood', workflowId: `run-${runId}`, attempt: 1 });
}

function asMessages(events: readonly RunEvent[], firstSequence: number): Array<StreamMessage<RunEvent>> {
  return events.map((event, index) => ({ event, subject: `runs.${event.type}`, stream: RUNS_STREAM, streamSequence: firstSequence + index, redelivered: false }));
}

describe('applyBatchOnce with the run projector', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(() => db?.drop());

  const logMessages = (runId: string) => db.dataSource.query(`SELECT message, position, object FROM job_log_entries WHERE run_id = $1 ORDER BY position`, [runId]);
  const runRow = async (runId: string) => (await db.dataSource.query(`SELECT status, progress, completed_at, updated_at FROM job_runs WHERE id = $1`, [runId]))[0];

  it('applies a batch of mixed events in stream order, log entries at their stream positions', async () => {
    const runId = randomUUID();
    const events = [
      requested(runId),
      started(runId),
      logged(runId, 'one'),
      logged(runId, 'two'),
      runEvent('run.progress', runId, { total: 3, done: 1, failed: 0 }),
      logged(runId, 'three'),
      runEvent('run.completed', runId, { result: { lines: 3 } }),
    ];
    const applied = await applyBatchOnce(db.dataSource, asMessages(events, 100), projectRunEventsInBatch);

    expect(applied).toBe(events.length);
    expect(await runRow(runId)).toMatchObject({ status: 'completed', progress: { total: 3, done: 1, failed: 0 }, completed_at: expect.any(Date) });
    expect(await logMessages(runId)).toEqual([
      { message: 'one', position: '102000', object: { type: 'dcim.device', id: 'one' } },
      { message: 'two', position: '103000', object: { type: 'dcim.device', id: 'two' } },
      { message: 'three', position: '105000', object: { type: 'dcim.device', id: 'three' } },
    ]);
    const marked = await db.dataSource.query(`SELECT count(*)::int AS count FROM applied_events WHERE event_id = ANY($1::text[])`, [events.map((event) => event.id)]);
    expect(marked[0].count).toBe(events.length);
  });

  it('changes nothing when a committed batch is delivered again, and applies only what is new in a batch that overlaps it', async () => {
    const runId = randomUUID();
    const first = [requested(runId), logged(runId, 'a'), logged(runId, 'b')];
    await applyBatchOnce(db.dataSource, asMessages(first, 200), projectRunEventsInBatch);
    const before = await runRow(runId);

    await expect(applyBatchOnce(db.dataSource, asMessages(first, 200), projectRunEventsInBatch)).resolves.toBe(0);
    expect(await runRow(runId)).toEqual(before);
    expect((await logMessages(runId)).map((row: { message: string }) => row.message)).toEqual(['a', 'b']);

    // The same event twice in one batch (a re-sent publish) is applied once.
    const next = logged(runId, 'c');
    const overlapping = asMessages([...first, next, next], 200);
    await expect(applyBatchOnce(db.dataSource, overlapping, projectRunEventsInBatch)).resolves.toBe(1);
    expect((await logMessages(runId)).map((row: { message: string }) => row.message)).toEqual(['a', 'b', 'c']);
  });

  describe('with log entries idempotent by their own key (as the projection applies run events)', () => {
    const byItself = { idempotentByItself: isLogEntry };
    const appliedIds = async (events: readonly RunEvent[]): Promise<string[]> =>
      (await db.dataSource.query(`SELECT event_id FROM applied_events WHERE event_id = ANY($1::text[]) ORDER BY stream_sequence`, [events.map((event) => event.id)])).map(
        (row: { event_id: string }) => row.event_id,
      );

    it('records no applied_events row for a log entry, only for the other events', async () => {
      const runId = randomUUID();
      const events = [requested(runId), logged(runId, 'one'), logged(runId, 'two'), started(runId)];
      await expect(applyBatchOnce(db.dataSource, asMessages(events, 400), projectRunEventsInBatch, byItself)).resolves.toBe(4);
      expect(await appliedIds(events)).toEqual([events[0].id, events[3].id]);
      expect(await logMessages(runId)).toEqual([
        { message: 'one', position: '401000', object: { type: 'dcim.device', id: 'one' } },
        { message: 'two', position: '402000', object: { type: 'dcim.device', id: 'two' } },
      ]);
    });

    it('stores each line once and changes nothing else when a committed batch is delivered again (a crash between commit and ack)', async () => {
      const runId = randomUUID();
      const first = [requested(runId), started(runId), logged(runId, 'a'), logged(runId, 'b')];
      await applyBatchOnce(db.dataSource, asMessages(first, 500), projectRunEventsInBatch, byItself);
      const before = await runRow(runId);
      let linesStoredAgain: number | null = null;
      const storedAgain = async (manager: Parameters<typeof projectRunEventsInBatch>[0], messages: Parameters<typeof projectRunEventsInBatch>[1]) => {
        linesStoredAgain = (await projectRunEventsInBatch(manager, messages)).linesStored;
      };

      // Only the log entries reach the projector again, and the insert finds both stored.
      await expect(applyBatchOnce(db.dataSource, asMessages(first, 500), storedAgain, byItself)).resolves.toBe(2);
      expect(linesStoredAgain).toBe(0);
      expect(await runRow(runId)).toEqual(before);
      expect(await logMessages(runId)).toEqual([
        { message: 'a', position: '502000', object: { type: 'dcim.device', id: 'a' } },
        { message: 'b', position: '503000', object: { type: 'dcim.device', id: 'b' } },
      ]);

      // The same lines at later positions (a publish re-sent past the duplicate window) keep their first position.
      const next = logged(runId, 'c');
      await applyBatchOnce(db.dataSource, asMessages([...first, next, next], 600), storedAgain, byItself);
      expect(linesStoredAgain).toBe(1);
      expect(await logMessages(runId)).toEqual([
        { message: 'a', position: '502000', object: { type: 'dcim.device', id: 'a' } },
        { message: 'b', position: '503000', object: { type: 'dcim.device', id: 'b' } },
        { message: 'c', position: '604000', object: { type: 'dcim.device', id: 'c' } },
      ]);
    });

    it('stores the entries of log batches in order, each batch between the messages before and after it, old run.log events among them', async () => {
      const runId = randomUUID();
      const events = [requested(runId), logged(runId, 'old 1'), loggedBatch(runId, ['b1', 'b2', 'b3']), logged(runId, 'old 2'), loggedBatch(runId, ['c1', 'c2']), started(runId)];
      let linesStored: number | null = null;
      const project = async (manager: Parameters<typeof projectRunEventsInBatch>[0], messages: Parameters<typeof projectRunEventsInBatch>[1]) => {
        linesStored = (await projectRunEventsInBatch(manager, messages)).linesStored;
      };
      await expect(applyBatchOnce(db.dataSource, asMessages(events, 800), project, byItself)).resolves.toBe(events.length);
      expect(linesStored).toBe(7);
      const stored = [
        { message: 'old 1', position: '801000', object: { type: 'dcim.device', id: 'old 1' } },
        { message: 'b1', position: '802000', object: { type: 'dcim.device', id: 'b1' } },
        { message: 'b2', position: '802001', object: { type: 'dcim.device', id: 'b2' } },
        { message: 'b3', position: '802002', object: { type: 'dcim.device', id: 'b3' } },
        { message: 'old 2', position: '803000', object: { type: 'dcim.device', id: 'old 2' } },
        { message: 'c1', position: '804000', object: { type: 'dcim.device', id: 'c1' } },
        { message: 'c2', position: '804001', object: { type: 'dcim.device', id: 'c2' } },
      ];
      expect(await logMessages(runId)).toEqual(stored);
      // Each entry is keyed by its own id; a batch needs no applied_events row.
      expect(await appliedIds(events)).toEqual([events[0].id, events[5].id]);
      const ids = await db.dataSource.query(`SELECT id FROM job_log_entries WHERE run_id = $1 ORDER BY position`, [runId]);
      expect(ids.map((row: { id: string }) => row.id)).toEqual([events[1].id, ...['b1', 'b2', 'b3'].map((m) => `${runId}:run:1:log:${m}`), events[3].id, ...['c1', 'c2'].map((m) => `${runId}:run:1:log:${m}`)]);

      // Delivered again (a crash between commit and ack): the log events reach the projector, which stores nothing.
      await expect(applyBatchOnce(db.dataSource, asMessages(events, 800), project, byItself)).resolves.toBe(4);
      expect(linesStored).toBe(0);
      expect(await logMessages(runId)).toEqual(stored);

      // Applied alone (a failed batch's fallback), a batch already stored changes nothing either.
      const [again] = asMessages([events[2]], 802);
      await applyOnce(db.dataSource, again, projectRunEventWithSchedule);
      expect(await logMessages(runId)).toEqual(stored);
    });

    it('applies a batch alone (the fallback of a failed batch) as in a batch: every entry at its place', async () => {
      const runId = randomUUID();
      await applyOnce(db.dataSource, asMessages([requested(runId)], 900)[0], projectRunEventWithSchedule);
      await expect(applyOnce(db.dataSource, asMessages([loggedBatch(runId, ['x', 'y'])], 901)[0], projectRunEventWithSchedule)).resolves.toBe(true);
      expect((await logMessages(runId)).map((row: { message: string; position: string }) => [row.message, row.position])).toEqual([
        ['x', '901000'],
        ['y', '901001'],
      ]);
    });

    it('rolls back the log entries of a batch that fails, so that they are stored when it is applied again', async () => {
      const runId = randomUUID();
      const orphan = runEvent('run.step_started', randomUUID(), { step: 'run', attempt: 1, maxAttempts: 1, worker: 'collector-1' });
      const events = [requested(runId), logged(runId, 'x'), orphan];
      await expect(applyBatchOnce(db.dataSource, asMessages(events, 700), projectRunEventsInBatch, byItself)).rejects.toThrow('before any event created it');
      expect(await logMessages(runId)).toEqual([]);
      await applyBatchOnce(db.dataSource, asMessages(events.slice(0, 2), 700), projectRunEventsInBatch, byItself);
      expect((await logMessages(runId)).map((row: { message: string }) => row.message)).toEqual(['x']);
    });
  });

  it('rolls the whole batch back when one event cannot be applied', async () => {
    const runId = randomUUID();
    const orphan = runEvent('run.step_started', randomUUID(), { step: 'run', attempt: 1, maxAttempts: 1, worker: 'collector-1' });
    const events = [requested(runId), logged(runId, 'x'), orphan];
    await expect(applyBatchOnce(db.dataSource, asMessages(events, 300), projectRunEventsInBatch)).rejects.toThrow('before any event created it');
    expect(await runRow(runId)).toBeUndefined();
    expect(await logMessages(runId)).toEqual([]);
    const marked = await db.dataSource.query(`SELECT count(*)::int AS count FROM applied_events WHERE event_id = ANY($1::text[])`, [events.map((event) => event.id)]);
    expect(marked[0].count).toBe(0);
  });
});

describe('the projection applying a burst of events', () => {
  let projection: ProjectionOnOwnInstance;

  beforeAll(async () => {
    projection = await startProjectionOnOwnInstance('batch', {
      env: { YARD_PROJECTION_MAX_DELIVERIES: String(MAX_DELIVERIES) },
      adjust: (config) => ({ ...config, redelivery: { ...config.redelivery, firstDelayMs: 100, maxDelayMs: 200 } }),
    });
  });

  afterAll(() => projection?.remove());

  /** Sends the events pipelined, as the collector does, so that they reach the consumer together. */
  async function publishAll(events: readonly RunEvent[]): Promise<void> {
    const outcome = await projection.publisher.publishBatch(events.map((event) => encodeEvent(projection.subjects.runEvent(event.aggregateId, runEventKind(event.type)), event)));
    expect(outcome).toEqual({ delivered: events.length, error: null });
  }

  const logCount = async (runId: string): Promise<number> =>
    (await projection.db.dataSource.query(`SELECT count(*)::int AS count FROM job_log_entries WHERE run_id = $1`, [runId]))[0].count;

  it('stores every log entry once, readable in the order written', async () => {
    const runId = randomUUID();
    const lines = Array.from({ length: 1500 }, (_, index) => logged(runId, `line ${index}`));
    await publishAll([requested(runId), started(runId), ...lines, runEvent('run.completed', runId, { result: null })]);

    await waitFor(async () => ((await logCount(runId)) === lines.length ? true : undefined), 30_000, 'every line to be stored');
    const rows: Array<{ message: string }> = await projection.db.dataSource.query(`SELECT message FROM job_log_entries WHERE run_id = $1 ORDER BY position`, [runId]);
    expect(rows.map((row) => row.message)).toEqual(lines.map((_, index) => `line ${index}`));
    await waitFor(async () => ((await projection.db.dataSource.query(`SELECT status FROM job_runs WHERE id = $1`, [runId]))[0]?.status === 'completed' ? true : undefined), 10_000, 'the run to end');
  });

  it('stores a log entry once when the stream holds it twice (re-sent past the duplicate window), at its first position', async () => {
    const runId = randomUUID();
    const lines = Array.from({ length: 600 }, (_, index) => logged(runId, `line ${index}`));
    await publishAll([requested(runId), started(runId), ...lines]);
    // Another msgID, so that JetStream stores each again: the projection meets every event id a second time.
    const again = lines.map((event) => ({ ...encodeEvent(projection.subjects.runEvent(runId, runEventKind(event.type)), event), id: `${event.id}:again` }));
    expect(await projection.publisher.publishBatch(again)).toEqual({ delivered: lines.length, error: null });
    await publishAll([runEvent('run.completed', runId, { result: null })]);

    await waitFor(async () => ((await projection.db.dataSource.query(`SELECT status FROM job_runs WHERE id = $1`, [runId]))[0]?.status === 'completed' ? true : undefined), 30_000, 'the run to end');
    const rows: Array<{ message: string; position: string }> = await projection.db.dataSource.query(`SELECT message, position FROM job_log_entries WHERE run_id = $1 ORDER BY position`, [runId]);
    expect(rows.map((row) => row.message)).toEqual(lines.map((_, index) => `line ${index}`));
    const positions = rows.map((row) => Number(row.position));
    // The first copies came right after run.requested and run.started, one message after the other.
    expect(positions.at(-1)! - positions[0]).toBe((lines.length - 1) * MAX_LOG_BATCH_ENTRIES);
  });

  it('applies a stream the previous version wrote (one run.log per line) and batches after it: every entry once, in the order written', async () => {
    const runId = randomUUID();
    const old = Array.from({ length: 300 }, (_, index) => logged(runId, `old ${index}`));
    const batches = [0, 1, 2].map((batch) => loggedBatch(runId, Array.from({ length: 200 }, (_, index) => `new ${batch * 200 + index}`)));
    await publishAll([requested(runId), started(runId), ...old, ...batches]);
    // A batch published again with another msgID (a re-send past the duplicate window) is delivered again: each of its
    // entries is found stored. The run's end comes after it, so once the run has ended the copy has been applied.
    const resent = { ...encodeEvent(projection.subjects.runEvent(runId, runEventKind('run.log_batch')), batches[1]), id: `${batches[1].id}:again` };
    expect(await projection.publisher.publishBatch([resent])).toEqual({ delivered: 1, error: null });
    await publishAll([runEvent('run.completed', runId, { result: null })]);

    await waitFor(async () => ((await projection.db.dataSource.query(`SELECT status FROM job_runs WHERE id = $1`, [runId]))[0]?.status === 'completed' ? true : undefined), 30_000, 'the run to end');
    expect(await logCount(runId)).toBe(900);
    const rows: Array<{ message: string }> = await projection.db.dataSource.query(`SELECT message FROM job_log_entries WHERE run_id = $1 ORDER BY position`, [runId]);
    expect(rows.map((row) => row.message)).toEqual([...old.map((_, index) => `old ${index}`), ...Array.from({ length: 600 }, (_, index) => `new ${index}`)]);
  });

  it('parks a poisonous event that came in a batch, and applies every other event of it', async () => {
    const runId = randomUUID();
    const orphanRunId = randomUUID();
    const poison = runEvent('run.step_started', orphanRunId, { step: 'run', attempt: 1, maxAttempts: 1, worker: 'collector-1' });
    const before = Array.from({ length: 50 }, (_, index) => logged(runId, `before ${index}`));
    const after = Array.from({ length: 50 }, (_, index) => logged(runId, `after ${index}`));
    await publishAll([requested(runId), ...before, poison, ...after]);

    await waitFor(async () => ((await logCount(runId)) === before.length + after.length ? true : undefined), 20_000, 'the events around the poison to be applied');
    const parked = await waitFor(
      async () => {
        const found = await listParked(projection.nc, projection.streams.parked, 10);
        const mine = found.filter((message) => message.view.runId === orphanRunId);
        return mine.length === 1 ? mine : undefined;
      },
      20_000,
      'the poisonous event to be parked',
    );
    expect(parked[0].view).toMatchObject({ eventType: 'run.step_started', deliveries: MAX_DELIVERIES, consumer: projection.streams.projectionConsumer });
    expect(parked[0].view.reason).toContain('before any event created it');
    const rows: Array<{ message: string }> = await projection.db.dataSource.query(`SELECT message FROM job_log_entries WHERE run_id = $1 ORDER BY position`, [runId]);
    expect(rows.map((row) => row.message)).toEqual([...before, ...after].map((event) => (event.data as { message: string }).message));
    const orphanRows = await projection.db.dataSource.query(`SELECT id FROM job_runs WHERE id = $1`, [orphanRunId]);
    expect(orphanRows).toEqual([]);
  });
});
