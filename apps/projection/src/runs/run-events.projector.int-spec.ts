/**
 * The run projector, applied through applyOnce, against a real Postgres database of its own (migrated to the
 * current schema, dropped afterwards). Messages are built as the durable consumer would hand them over.
 */
import { randomUUID } from 'node:crypto';
import {
  newEvent,
  streamNamesFor,
  type EventEnvelope,
  type RunCompleted,
  type RunCompletedData,
  type RunErrored,
  type RunErroredData,
  type RunEvent,
  type RunFailed,
  type RunFailedData,
  type RunLogData,
  type RunLogged,
  type RunRequested,
  type RunRequestedData,
  type RunStarted,
  type RunStartedData,
} from '@yardmaster/contracts';
import type { StreamMessage } from '@yardmaster/messaging';
import { createTestDatabase, uniqueInstanceName, type TestDatabase } from '@yardmaster/testing';
import { applyOnce } from '../consumer/apply-once';
import { projectRunEvent } from './run-events.projector';

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
    expect(entries).toEqual([{ id: log.event.id, message: 'Backing up ams1', position: String(log.streamSequence) }]);
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
    expect(entries.map((entry) => Number(entry.position))).toEqual([base + 1, base + 2, base + 3]);
    const [withObject]: Array<{ level: string; grouping: string; object: unknown; attempt: number }> = await db.dataSource.query(
      `SELECT level, grouping, object, attempt FROM job_log_entries WHERE id = $1`,
      [second.event.id],
    );
    expect(withObject).toEqual({ level: 'success', grouping: 'test_reachability', object: { type: 'device', id: 'sw1', display: 'sw1.ams1' }, attempt: 1 });
  });
});
