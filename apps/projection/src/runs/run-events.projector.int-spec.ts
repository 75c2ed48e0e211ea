/**
 * The run projector, applied through applyOnce, against a real Postgres database of its own (migrated to the
 * current schema, dropped afterwards). Messages are built as the durable consumer would hand them over.
 */
import { randomUUID } from 'node:crypto';
import {
  newEvent,
  streamNamesFor,
  type EventEnvelope,
  type RunCancelled,
  type RunCancelledData,
  type RunCancelRequested,
  type RunCompleted,
  type RunCompletedData,
  type RunErrored,
  type RunErroredData,
  type RunEvent,
  type RunFailed,
  type RunFailedData,
  type RunLogData,
  type RunLogged,
  type RunProgressData,
  type RunProgressed,
  type RunRequested,
  type RunRequestedData,
  type RunStarted,
  type RunStartedData,
  type RunStepStarted,
  type RunStepStartedData,
  type RunTimedOut,
  type RunTimedOutData,
} from '@yardmaster/contracts';
import type { StreamMessage } from '@yardmaster/messaging';
import { RUN_ENDED_CHANNEL } from '@yardmaster/read-models';
import { createTestDatabase, uniqueInstanceName, type TestDatabase } from '@yardmaster/testing';
import { Client } from 'pg';
import { applyOnce } from '../consumer/apply-once';
import { projectRunEvent } from './run-events.projector';
import { logEntryPosition } from './log-entries.writer';

jest.setTimeout(30_000);

const INSTANCE = uniqueInstanceName('proj');
const RUNS_STREAM = streamNamesFor(INSTANCE).runs;

let db: TestDatabase;
/** Stream positions only grow, as in a real stream; a test picks the positions it needs. */
let nextPosition = 1;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

function event<TType extends RunEvent['type'], TData>(type: TType, runId: string, data: TData, occurredAt = new Date()): EventEnvelope<TType, TData> {
  return newEvent({
    id: randomUUID(),
    type,
    occurredAt: occurredAt.toISOString(),
    aggregateId: runId,
    sequence: 1,
    correlationId: `corr-${runId}`,
    actor: 'system:test',
    data,
  });
}

function requested(runId: string, overrides: Partial<RunRequestedData> = {}, at = new Date()): RunRequested {
  return event(
    'run.requested',
    runId,
    {
      jobId: 'network.BackupConfigs',
      jobName: 'Back up device configurations',
      data: { site: 'ams1', count: 3 },
      commit: true,
      queue: 'default',
      requestedBy: 'alice',
      workflowId: `run-${runId}`,
      requestedAt: at.toISOString(),
      ...overrides,
    },
    at,
  );
}

function started(runId: string, overrides: Partial<RunStartedData> = {}, at = new Date()): RunStarted {
  return event('run.started', runId, { jobId: 'network.BackupConfigs', workflowId: `run-${runId}`, attempt: 1, ...overrides }, at);
}

function completed(runId: string, data: RunCompletedData = { result: { backedUp: 3 } }, at = new Date()): RunCompleted {
  return event('run.completed', runId, data, at);
}

function failed(runId: string, data: RunFailedData = { result: null, failureCount: 2 }): RunFailed {
  return event('run.failed', runId, data);
}

function errored(runId: string, data: RunErroredData = { result: null, error: { message: 'boom', type: 'Error', step: 'run' } }): RunErrored {
  return event('run.errored', runId, data);
}

function logged(runId: string, message: string, overrides: Partial<RunLogData> = {}): RunLogged {
  return event('run.log', runId, {
    level: 'info',
    grouping: 'run',
    message,
    object: null,
    attempt: 1,
    loggedAt: new Date().toISOString(),
    ...overrides,
  });
}

function stepStarted(runId: string, overrides: Partial<RunStepStartedData> = {}, at = new Date()): RunStepStarted {
  return event('run.step_started', runId, { step: 'run', attempt: 1, maxAttempts: 3, worker: 'collector-1', ...overrides }, at);
}

function progressed(runId: string, data: RunProgressData): RunProgressed {
  return event('run.progress', runId, data);
}

function cancelRequested(runId: string, by = 'alice', at = new Date()): RunCancelRequested {
  return event('run.cancel_requested', runId, { by }, at);
}

function cancelled(runId: string, overrides: Partial<RunCancelledData> = {}, at = new Date()): RunCancelled {
  return event('run.cancelled', runId, { result: null, cancelledBy: 'alice', step: 'run', ...overrides }, at);
}

function timedOut(
  runId: string,
  data: RunTimedOutData = { result: { partial: true }, error: { message: 'The run timed out after 60 s; step run was cut off', type: 'RunTimeout', step: 'run' } },
  at = new Date(),
): RunTimedOut {
  return event('run.timed_out', runId, data, at);
}

function message(runEvent: RunEvent, position = nextPosition++, redelivered = false): StreamMessage<RunEvent> {
  return {
    event: runEvent,
    subject: `${INSTANCE}.run.${runEvent.aggregateId}.${runEvent.type.slice('run.'.length)}`,
    stream: RUNS_STREAM,
    streamSequence: position,
    redelivered,
  };
}

function apply(streamMessage: StreamMessage<RunEvent>): Promise<boolean> {
  return applyOnce(db.dataSource, streamMessage, projectRunEvent);
}

interface RunRow {
  id: string;
  job_id: string;
  job_name: string | null;
  status: string;
  status_rank: number;
  data: unknown;
  commit: boolean | null;
  queue: string | null;
  requested_by: string | null;
  workflow_id: string;
  attempt: number;
  result: unknown;
  error: unknown;
  failure_count: number;
  created_at: Date;
  started_at: Date | null;
  completed_at: Date | null;
  updated_at: Date;
  steps: Record<string, { worker: string; attempt: number; maxAttempts: number; startedAt: string }>;
  progress: RunProgressData | null;
  progress_position: string | null;
  cancel_requested_by: string | null;
  cancel_requested_at: Date | null;
  cancelled_by: string | null;
}

async function runRows(runId: string): Promise<RunRow[]> {
  return db.dataSource.query(`SELECT * FROM job_runs WHERE id = $1`, [runId]);
}

async function onlyRun(runId: string): Promise<RunRow> {
  const rows = await runRows(runId);
  expect(rows).toHaveLength(1);
  return rows[0];
}

async function logRows(runId: string): Promise<Array<{ id: string; message: string; position: string }>> {
  return db.dataSource.query(`SELECT id, message, position FROM job_log_entries WHERE run_id = $1 ORDER BY position`, [runId]);
}

async function appliedCount(eventId: string): Promise<number> {
  const rows: Array<{ count: string }> = await db.dataSource.query(`SELECT count(*) AS count FROM applied_events WHERE event_id = $1`, [eventId]);
  return Number(rows[0].count);
}

describe('applyOnce with projectRunEvent', () => {
  it('applies a redelivered run.requested once: one row, recorded once', async () => {
    const runId = randomUUID();
    const first = message(requested(runId));

    await expect(apply(first)).resolves.toBe(true);
    await expect(apply({ ...first, redelivered: true })).resolves.toBe(false);

    const run = await onlyRun(runId);
    expect(run.status).toBe('queued');
    expect(run.job_name).toBe('Back up device configurations');
    expect(await appliedCount(first.event.id)).toBe(1);
    const applied: Array<{ stream: string; stream_sequence: string }> = await db.dataSource.query(
      `SELECT stream, stream_sequence FROM applied_events WHERE event_id = $1`,
      [first.event.id],
    );
    expect(applied).toEqual([{ stream: RUNS_STREAM, stream_sequence: String(first.streamSequence) }]);
  });

  it('applies a redelivered log event once: one log entry', async () => {
    const runId = randomUUID();
    await apply(message(requested(runId)));
    const log = message(logged(runId, 'Backing up ams1'));

    await expect(apply(log)).resolves.toBe(true);
    await expect(apply({ ...log, redelivered: true })).resolves.toBe(false);

    const entries = await logRows(runId);
    expect(entries).toEqual([{ id: log.event.id, message: 'Backing up ams1', position: String(logEntryPosition(log.streamSequence, 0)) }]);
  });

  it('keeps a completed run completed when a late run.started arrives', async () => {
    const runId = randomUUID();
    const t0 = new Date('2030-01-01T10:00:00.000Z');
    const t1 = new Date('2030-01-01T10:00:05.000Z');
    const t2 = new Date('2030-01-01T10:01:00.000Z');
    await apply(message(requested(runId, {}, t0)));
    await apply(message(completed(runId, { result: { backedUp: 3 } }, t2)));

    await expect(apply(message(started(runId, {}, t1)))).resolves.toBe(true);

    const run = await onlyRun(runId);
    expect(run.status).toBe('completed');
    expect(run.status_rank).toBe(4);
    expect(run.result).toEqual({ backedUp: 3 });
    expect(run.completed_at).toEqual(t2);
    expect(run.created_at).toEqual(t0);
  });

  it('refuses a run.started dated after the run was cancelled: the run keeps its end, the event counts as applied', async () => {
    const runId = randomUUID();
    const t0 = new Date('2030-01-01T10:00:00.000Z');
    const t1 = new Date('2030-01-01T10:00:01.000Z');
    const t2 = new Date('2030-01-01T10:00:02.000Z');
    const t3 = new Date('2030-01-01T10:00:03.000Z');
    await apply(message(requested(runId, {}, t0)));
    await apply(message(started(runId, { attempt: 1 }, t1)));
    await apply(message(cancelled(runId, {}, t2)));

    const contradiction = started(runId, { attempt: 2 }, t3);
    await expect(apply(message(contradiction))).resolves.toBe(true);
    const requeued = event('run.queued', runId, { jobId: 'network.BackupConfigs', workflowId: `run-${runId}` }, t3);
    await expect(apply(message(requeued))).resolves.toBe(true);

    const run = await onlyRun(runId);
    expect(run).toMatchObject({ status: 'cancelled', attempt: 1, cancelled_by: 'alice' });
    expect(run.started_at).toEqual(t1);
    expect(run.completed_at).toEqual(t2);
    expect(run.created_at).toEqual(t0);
    await expect(appliedCount(contradiction.id)).resolves.toBe(1);
  });

  it('ends with the requested fields and status running when run.started comes before run.requested', async () => {
    const runId = randomUUID();
    const requestedAt = new Date('2030-02-01T08:00:00.000Z');
    const startedAt = new Date('2030-02-01T08:00:02.000Z');

    await apply(message(started(runId, { attempt: 1 }, startedAt)));
    const early = await onlyRun(runId);
    expect(early.status).toBe('running');
    expect(early.job_name).toBeNull();

    await apply(
      message(
        requested(runId, { jobName: 'Check BGP sessions', jobId: 'network.BackupConfigs', data: { site: 'fra2' }, requestedBy: 'bob', commit: false, queue: 'lab' }, requestedAt),
      ),
    );

    const run = await onlyRun(runId);
    expect(run).toMatchObject({
      status: 'running',
      status_rank: 3,
      job_id: 'network.BackupConfigs',
      job_name: 'Check BGP sessions',
      data: { site: 'fra2' },
      requested_by: 'bob',
      commit: false,
      queue: 'lab',
      workflow_id: `run-${runId}`,
      attempt: 1,
    });
    expect(run.started_at).toEqual(startedAt);
    // created_at keeps the earliest time seen: the request's.
    expect(run.created_at).toEqual(requestedAt);
  });

  it('lets the first terminal event win', async () => {
    const runId = randomUUID();
    await apply(message(requested(runId)));
    await apply(message(started(runId)));
    await apply(message(failed(runId, { result: { ok: 1 }, failureCount: 2 })));

    await apply(message(errored(runId)));

    const run = await onlyRun(runId);
    expect(run.status).toBe('failed');
    expect(run.failure_count).toBe(2);
    expect(run.error).toBeNull();
  });

  it.each([
    ['run.completed', (runId: string) => completed(runId)],
    ['run.failed', (runId: string) => failed(runId)],
    ['run.errored', (runId: string) => errored(runId)],
    ['run.cancelled', (runId: string) => cancelled(runId)],
    ['run.timed_out', (runId: string) => timedOut(runId)],
  ] as const)('throws for a %s of an unknown run and records nothing, so it is redelivered', async (_type, build) => {
    const runId = randomUUID();
    const terminal = message(build(runId));

    await expect(apply(terminal)).rejects.toThrow(`Run ${runId} ended before any event created it`);

    expect(await runRows(runId)).toEqual([]);
    // The transaction rolled back: the event is not marked applied, so its redelivery is applied.
    expect(await appliedCount(terminal.event.id)).toBe(0);

    await apply(message(started(runId)));
    await expect(apply({ ...terminal, redelivered: true })).resolves.toBe(true);
    expect((await onlyRun(runId)).status).toBe(_type.slice('run.'.length));
  });

  it.each([
    ['run.completed', (runId: string) => completed(runId)],
    ['run.failed', (runId: string) => failed(runId)],
    ['run.errored', (runId: string) => errored(runId)],
    ['run.cancelled', (runId: string) => cancelled(runId)],
    ['run.timed_out', (runId: string) => timedOut(runId)],
  ] as const)('announces on %s that the run ended, once it is stored, so a waiting API request reads it ended', async (type, build) => {
    const runId = randomUUID();
    await apply(message(requested(runId)));
    await apply(message(started(runId)));
    const listener = new Client({ connectionString: db.url });
    await listener.connect();
    try {
      await listener.query(`LISTEN ${RUN_ENDED_CHANNEL}`);
      const announced = new Promise<string | undefined>((resolve) => listener.once('notification', (notification) => resolve(notification.payload)));

      await apply(message(build(runId)));

      await expect(announced).resolves.toBe(runId);
      expect((await onlyRun(runId)).status).toBe(type.slice('run.'.length));
    } finally {
      await listener.end();
    }
  });

  it('orders log entries by their stream position, not by when they were applied', async () => {
    const runId = randomUUID();
    await apply(message(requested(runId)));
    const base = nextPosition;
    nextPosition += 10;
    const first = message(logged(runId, 'first'), base + 1);
    const second = message(logged(runId, 'second', { level: 'success', grouping: 'test_reachability', object: { type: 'device', id: 'sw1', display: 'sw1.ams1' } }), base + 2);
    const third = message(logged(runId, 'third', { level: 'warning' }), base + 3);

    // Applied out of order, as after a redelivery.
    await apply(third);
    await apply(first);
    await apply(second);

    const entries = await logRows(runId);
    expect(entries.map((entry) => entry.message)).toEqual(['first', 'second', 'third']);
    expect(entries.map((entry) => Number(entry.position))).toEqual([base + 1, base + 2, base + 3].map((sequence) => logEntryPosition(sequence, 0)));
    const [withObject]: Array<{ level: string; grouping: string; object: unknown; attempt: number }> = await db.dataSource.query(
      `SELECT level, grouping, object, attempt FROM job_log_entries WHERE id = $1`,
      [second.event.id],
    );
    expect(withObject).toEqual({ level: 'success', grouping: 'test_reachability', object: { type: 'device', id: 'sw1', display: 'sw1.ams1' }, attempt: 1 });
  });
});

describe('run.step_started', () => {
  it('records the step attempt, raises the run attempt, and applies a redelivery once', async () => {
    const runId = randomUUID();
    const at = new Date('2030-04-01T12:00:00.000Z');
    await apply(message(requested(runId)));
    await apply(message(started(runId)));
    const first = message(stepStarted(runId, { step: 'run', attempt: 1, maxAttempts: 3, worker: 'collector-a' }, at));

    await expect(apply(first)).resolves.toBe(true);
    const afterFirst = await onlyRun(runId);
    await expect(apply({ ...first, redelivered: true })).resolves.toBe(false);

    expect(await onlyRun(runId)).toEqual(afterFirst);
    expect(afterFirst.steps).toEqual({ run: { worker: 'collector-a', attempt: 1, maxAttempts: 3, startedAt: at.toISOString() } });
    expect(afterFirst).toMatchObject({ status: 'running', attempt: 1 });
    expect(await appliedCount(first.event.id)).toBe(1);

    await apply(message(stepStarted(runId, { step: 'run', attempt: 2, worker: 'collector-b' }, new Date(at.getTime() + 5000))));
    await apply(message(stepStarted(runId, { step: 'test_mtu', attempt: 1, worker: 'collector-b' }, new Date(at.getTime() + 9000))));

    const run = await onlyRun(runId);
    expect(run.attempt).toBe(2);
    expect(run.steps).toEqual({
      run: { worker: 'collector-b', attempt: 2, maxAttempts: 3, startedAt: new Date(at.getTime() + 5000).toISOString() },
      test_mtu: { worker: 'collector-b', attempt: 1, maxAttempts: 3, startedAt: new Date(at.getTime() + 9000).toISOString() },
    });
  });

  it('keeps attempt 2 when attempt 1 of the same step is applied after it, changing nothing', async () => {
    const runId = randomUUID();
    await apply(message(requested(runId)));
    await apply(message(started(runId)));
    const base = nextPosition;
    nextPosition += 10;
    const attempt1 = message(stepStarted(runId, { attempt: 1, worker: 'collector-a' }), base + 1);
    const attempt2 = message(stepStarted(runId, { attempt: 2, worker: 'collector-b' }), base + 2);
    await apply(attempt2);
    const before = await onlyRun(runId);

    await expect(apply(attempt1)).resolves.toBe(true);

    const after = await onlyRun(runId);
    expect(after).toEqual(before);
    expect(after.attempt).toBe(2);
    expect(after.steps.run).toMatchObject({ attempt: 2, worker: 'collector-b' });
  });

  it('moves a queued run to running, and a late run.started does not lower the attempt', async () => {
    const runId = randomUUID();
    const startedAt = new Date('2030-04-02T08:00:00.000Z');
    await apply(message(requested(runId)));

    await apply(message(stepStarted(runId, { attempt: 2 })));
    expect(await onlyRun(runId)).toMatchObject({ status: 'running', status_rank: 3, attempt: 2, started_at: null });

    await apply(message(started(runId, { attempt: 1 }, startedAt)));
    const run = await onlyRun(runId);
    expect(run).toMatchObject({ status: 'running', attempt: 2 });
    expect(run.started_at).toEqual(startedAt);
  });

  it('records the step of an ended run without reopening it', async () => {
    const runId = randomUUID();
    await apply(message(requested(runId)));
    await apply(message(started(runId)));
    await apply(message(completed(runId)));

    await apply(message(stepStarted(runId, { step: 'post_run', attempt: 1 })));

    const run = await onlyRun(runId);
    expect(run).toMatchObject({ status: 'completed', status_rank: 4 });
    expect(Object.keys(run.steps)).toEqual(['post_run']);
  });

  it('throws for a run with no row yet and records nothing, so it is redelivered', async () => {
    const runId = randomUUID();
    const early = message(stepStarted(runId, { attempt: 1 }));

    await expect(apply(early)).rejects.toThrow(`Run ${runId} got run.step_started before any event created it`);
    expect(await runRows(runId)).toEqual([]);
    expect(await appliedCount(early.event.id)).toBe(0);

    await apply(message(requested(runId)));
    await expect(apply({ ...early, redelivered: true })).resolves.toBe(true);
    expect((await onlyRun(runId)).steps.run).toMatchObject({ attempt: 1 });
  });
});

describe('run.progress', () => {
  it('sets the progress with its stream position; a redelivery changes nothing', async () => {
    const runId = randomUUID();
    await apply(message(requested(runId)));
    expect(await onlyRun(runId)).toMatchObject({ progress: null, progress_position: null, steps: {} });
    const report = message(progressed(runId, { total: 10, done: 3, failed: 1 }));

    await expect(apply(report)).resolves.toBe(true);
    const afterFirst = await onlyRun(runId);
    await expect(apply({ ...report, redelivered: true })).resolves.toBe(false);

    expect(afterFirst).toMatchObject({ progress: { total: 10, done: 3, failed: 1 }, progress_position: String(report.streamSequence) });
    expect(await onlyRun(runId)).toEqual(afterFirst);
  });

  it('keeps the newer report when an older one is applied after it', async () => {
    const runId = randomUUID();
    await apply(message(requested(runId)));
    const base = nextPosition;
    nextPosition += 10;
    const older = message(progressed(runId, { total: 10, done: 4, failed: 0 }), base + 1);
    const newer = message(progressed(runId, { total: 10, done: 7, failed: 1 }), base + 2);
    await apply(newer);
    const before = await onlyRun(runId);

    await expect(apply(older)).resolves.toBe(true);

    const after = await onlyRun(runId);
    expect(after).toEqual(before);
    expect(after).toMatchObject({ progress: { total: 10, done: 7, failed: 1 }, progress_position: String(base + 2) });
  });

  it('throws for a run with no row yet, so the report is redelivered rather than lost', async () => {
    const runId = randomUUID();
    const early = message(progressed(runId, { total: 2, done: 1, failed: 0 }));

    await expect(apply(early)).rejects.toThrow(`Run ${runId} got run.progress before any event created it`);
    expect(await appliedCount(early.event.id)).toBe(0);

    await apply(message(started(runId)));
    await expect(apply({ ...early, redelivered: true })).resolves.toBe(true);
    expect((await onlyRun(runId)).progress).toEqual({ total: 2, done: 1, failed: 0 });
  });
});

describe('run.cancel_requested', () => {
  it('records who asked and when, without ending the run; the first request is kept', async () => {
    const runId = randomUUID();
    const askedAt = new Date('2030-05-01T10:00:00.000Z');
    await apply(message(requested(runId)));
    await apply(message(started(runId)));
    const request = message(cancelRequested(runId, 'alice', askedAt));

    await expect(apply(request)).resolves.toBe(true);
    await expect(apply({ ...request, redelivered: true })).resolves.toBe(false);
    const afterFirst = await onlyRun(runId);
    expect(afterFirst).toMatchObject({ status: 'running', status_rank: 3, cancel_requested_by: 'alice', cancelled_by: null, completed_at: null });
    expect(afterFirst.cancel_requested_at).toEqual(askedAt);

    await apply(message(cancelRequested(runId, 'bob', new Date(askedAt.getTime() + 1000))));

    expect(await onlyRun(runId)).toEqual(afterFirst);
  });

  it('throws for a run with no row yet and records nothing, so it is redelivered', async () => {
    const runId = randomUUID();
    const early = message(cancelRequested(runId, 'carol'));

    await expect(apply(early)).rejects.toThrow(`Run ${runId} got run.cancel_requested before any event created it`);
    expect(await runRows(runId)).toEqual([]);
    expect(await appliedCount(early.event.id)).toBe(0);

    await apply(message(requested(runId)));
    await expect(apply({ ...early, redelivered: true })).resolves.toBe(true);
    expect((await onlyRun(runId)).cancel_requested_by).toBe('carol');
  });
});

describe('run.cancelled', () => {
  it('ends the run cancelled, with who cancelled it and an error naming them and the step', async () => {
    const runId = randomUUID();
    const endedAt = new Date('2030-06-01T10:05:00.000Z');
    await apply(message(requested(runId)));
    await apply(message(started(runId)));
    await apply(message(cancelRequested(runId, 'alice')));
    const end = message(cancelled(runId, { result: { checked: 4 }, cancelledBy: 'alice', step: 'test_mtu' }, endedAt));

    await expect(apply(end)).resolves.toBe(true);
    const afterFirst = await onlyRun(runId);
    await expect(apply({ ...end, redelivered: true })).resolves.toBe(false);

    expect(await onlyRun(runId)).toEqual(afterFirst);
    expect(afterFirst).toMatchObject({
      status: 'cancelled',
      status_rank: 4,
      result: { checked: 4 },
      cancelled_by: 'alice',
      cancel_requested_by: 'alice',
      error: { message: 'Cancelled by alice', type: 'Cancelled', step: 'test_mtu' },
    });
    expect(afterFirst.completed_at).toEqual(endedAt);
  });

  it('uses the reason as the message, and ends a run that never started (cancelled while queued)', async () => {
    const runId = randomUUID();
    await apply(message(requested(runId)));

    await apply(message(cancelled(runId, { cancelledBy: 'system:temporal', step: null, reason: 'terminated in Temporal' })));

    expect(await onlyRun(runId)).toMatchObject({
      status: 'cancelled',
      cancelled_by: 'system:temporal',
      error: { message: 'terminated in Temporal', type: 'Cancelled', step: null },
      started_at: null,
    });
  });

  it('changes nothing when it comes after run.completed', async () => {
    const runId = randomUUID();
    await apply(message(requested(runId)));
    await apply(message(started(runId)));
    await apply(message(completed(runId, { result: { backedUp: 3 } })));
    const before = await onlyRun(runId);

    await expect(apply(message(cancelled(runId, { result: { backedUp: 1 }, cancelledBy: 'bob' })))).resolves.toBe(true);

    const after = await onlyRun(runId);
    expect(after).toEqual(before);
    expect(after).toMatchObject({ status: 'completed', cancelled_by: null, error: null, result: { backedUp: 3 } });
  });

  it('is not undone by a later run.completed or run.timed_out', async () => {
    const runId = randomUUID();
    await apply(message(requested(runId)));
    await apply(message(started(runId)));
    await apply(message(cancelled(runId)));
    const before = await onlyRun(runId);

    await apply(message(completed(runId)));
    await apply(message(timedOut(runId)));

    expect(await onlyRun(runId)).toEqual(before);
  });
});

describe('run.timed_out', () => {
  it('ends the run timed_out with its result and error; a redelivery changes nothing', async () => {
    const runId = randomUUID();
    const endedAt = new Date('2030-07-01T10:01:00.000Z');
    await apply(message(requested(runId)));
    await apply(message(started(runId)));
    const error = { message: 'The run timed out after 60 s; step run was cut off', type: 'RunTimeout', step: 'run' };
    const end = message(timedOut(runId, { result: { partial: true }, error }, endedAt));

    await expect(apply(end)).resolves.toBe(true);
    const afterFirst = await onlyRun(runId);
    await expect(apply({ ...end, redelivered: true })).resolves.toBe(false);

    expect(await onlyRun(runId)).toEqual(afterFirst);
    expect(afterFirst).toMatchObject({ status: 'timed_out', status_rank: 4, result: { partial: true }, error, cancelled_by: null });
    expect(afterFirst.completed_at).toEqual(endedAt);
  });

  it('changes nothing when it comes after run.failed', async () => {
    const runId = randomUUID();
    await apply(message(requested(runId)));
    await apply(message(started(runId)));
    await apply(message(failed(runId)));
    const before = await onlyRun(runId);

    await apply(message(timedOut(runId)));

    expect(await onlyRun(runId)).toEqual(before);
  });
});

describe('an event type the projector does not know', () => {
  it('throws and records nothing, so a projection that knows it applies it later', async () => {
    const runId = randomUUID();
    await apply(message(requested(runId)));
    const unknown = { ...event('run.requested', runId, {}), type: 'run.paused' } as unknown as RunEvent;

    await expect(apply(message(unknown))).rejects.toThrow('Unknown run event type run.paused');
    expect(await appliedCount(unknown.id)).toBe(0);
  });
});
