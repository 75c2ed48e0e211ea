/**
 * The schedule projector, and what the run projector adds to a schedule's row, applied through applyOnce against
 * a real Postgres database of its own (migrated to the current schema, dropped afterwards). Messages are built as
 * the durable consumers would hand them over.
 */
import { randomUUID } from 'node:crypto';
import {
  newEvent,
  streamNamesFor,
  type EventEnvelope,
  type RunEvent,
  type RunRequestedData,
  type ScheduleChanged,
  type ScheduleDefinition,
  type ScheduleSnapshot,
} from '@yardmaster/contracts';
import type { StreamMessage } from '@yardmaster/messaging';
import type { EntityManager } from '@yardmaster/read-models';
import { createTestDatabase, uniqueInstanceName, waitFor, type TestDatabase } from '@yardmaster/testing';
import { applyOnce } from '../consumer/apply-once';
import { projectScheduleEvent, type ScheduleEvent } from './schedule-events.projector';
import { projectRunEventWithSchedule } from './schedule-run-events.projector';

jest.setTimeout(30_000);

const INSTANCE = uniqueInstanceName('sched');
const STREAMS = streamNamesFor(INSTANCE);

let db: TestDatabase;
/** Stream positions only grow, as in a real stream; a test picks the positions it needs. */
let nextPosition = 1;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

// ---------------------------------------------------------------------------------------------------------------
// Events and messages
// ---------------------------------------------------------------------------------------------------------------

function newScheduleId(): string {
  return `sch-${randomUUID().replaceAll('-', '').slice(0, 20)}`;
}

function definition(scheduleId: string, overrides: Partial<ScheduleDefinition> = {}): ScheduleDefinition {
  return {
    key: `nightly-backup-${scheduleId}`,
    jobId: 'network.BackupConfigs',
    data: { site: 'ams1' },
    commit: true,
    queue: 'default',
    runTimeoutSeconds: 600,
    timing: { kind: 'cron', cron: '0 2 * * *', timezone: 'Europe/Amsterdam' },
    startAt: null,
    endAt: null,
    overlap: 'skip',
    catchupWindowSeconds: 300,
    ...overrides,
  };
}

function snapshot(scheduleId: string, observedAt: Date, overrides: Partial<ScheduleSnapshot> = {}): ScheduleSnapshot {
  return {
    scheduleId,
    definition: definition(scheduleId),
    state: 'active',
    pausedReason: null,
    nextRunTimes: ['2030-01-02T01:00:00.000Z', '2030-01-03T01:00:00.000Z'],
    deleted: false,
    observedAt: observedAt.toISOString(),
    ...overrides,
  };
}

function changed(data: ScheduleSnapshot): ScheduleChanged {
  const id = randomUUID();
  return newEvent({
    id,
    type: 'schedule.changed',
    occurredAt: data.observedAt,
    aggregateId: data.scheduleId,
    sequence: 0,
    correlationId: id,
    actor: 'system:scheduler',
    data,
  });
}

function scheduleMessage(event: ScheduleEvent, position = nextPosition++): StreamMessage<ScheduleEvent> {
  return { event, subject: `${INSTANCE}.schedule.${event.aggregateId}.changed`, stream: STREAMS.schedules, streamSequence: position, redelivered: false };
}

function applySchedule(message: StreamMessage<ScheduleEvent>): Promise<boolean> {
  return applyOnce(db.dataSource, message, projectScheduleEvent);
}

/** Applies a snapshot as a new event at the next stream position (or the one given). */
function applySnapshot(data: ScheduleSnapshot, position?: number): Promise<boolean> {
  return applySchedule(scheduleMessage(changed(data), position));
}

function runEvent<TType extends RunEvent['type'], TData>(type: TType, runId: string, data: TData, occurredAt = new Date()): EventEnvelope<TType, TData> {
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

function requested(runId: string, scheduleId: string | null, at: Date, overrides: Partial<RunRequestedData> = {}): RunEvent {
  return runEvent(
    'run.requested',
    runId,
    {
      jobId: 'network.BackupConfigs',
      jobName: 'Back up device configurations',
      data: { site: 'ams1' },
      commit: true,
      queue: 'default',
      requestedBy: scheduleId === null ? 'alice' : `schedule:${scheduleId}`,
      workflowId: `run-${runId}`,
      requestedAt: at.toISOString(),
      ...(scheduleId === null ? {} : { scheduleId }),
      ...overrides,
    },
    at,
  );
}

function started(runId: string): RunEvent {
  return runEvent('run.started', runId, { jobId: 'network.BackupConfigs', workflowId: `run-${runId}`, attempt: 1 });
}

function stepStarted(runId: string): RunEvent {
  return runEvent('run.step_started', runId, { step: 'run', attempt: 1, maxAttempts: 3, worker: 'collector-1' });
}

function completed(runId: string): RunEvent {
  return runEvent('run.completed', runId, { result: { backedUp: 3 } });
}

function failed(runId: string): RunEvent {
  return runEvent('run.failed', runId, { result: null, failureCount: 1 });
}

function runMessage(event: RunEvent, position = nextPosition++): StreamMessage<RunEvent> {
  return { event, subject: `${INSTANCE}.run.${event.aggregateId}.${event.type.slice('run.'.length)}`, stream: STREAMS.runs, streamSequence: position, redelivered: false };
}

function applyRun(message: StreamMessage<RunEvent>): Promise<boolean> {
  return applyOnce(db.dataSource, message, projectRunEventWithSchedule);
}

// ---------------------------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------------------------

interface ScheduleRow {
  id: string;
  key: string;
  job_id: string;
  definition: ScheduleDefinition;
  state: string;
  paused_reason: string | null;
  next_run_times: string[];
  last_run_id: string | null;
  last_run_status: string | null;
  last_run_at: Date | null;
  total_runs: number;
  snapshot_position: string;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

async function scheduleRow(scheduleId: string): Promise<ScheduleRow | null> {
  const rows: ScheduleRow[] = await db.dataSource.query(`SELECT * FROM schedules WHERE id = $1`, [scheduleId]);
  return rows[0] ?? null;
}

async function onlySchedule(scheduleId: string): Promise<ScheduleRow> {
  const row = await scheduleRow(scheduleId);
  if (row === null) throw new Error(`No row for schedule ${scheduleId}`);
  return row;
}

async function runsOf(scheduleId: string): Promise<Array<{ id: string; status: string }>> {
  return db.dataSource.query(`SELECT id, status FROM job_runs WHERE schedule_id = $1 ORDER BY created_at`, [scheduleId]);
}

async function appliedCount(eventId: string): Promise<number> {
  const rows: Array<{ count: string }> = await db.dataSource.query(`SELECT count(*) AS count FROM applied_events WHERE event_id = $1`, [eventId]);
  return Number(rows[0].count);
}

/** A schedule with a row, from a first snapshot. */
async function existingSchedule(observedAt = new Date('2030-01-01T12:00:00.000Z')): Promise<string> {
  const scheduleId = newScheduleId();
  await applySnapshot(snapshot(scheduleId, observedAt));
  return scheduleId;
}

// ---------------------------------------------------------------------------------------------------------------
// schedule.changed
// ---------------------------------------------------------------------------------------------------------------

describe('schedule.changed', () => {
  const t0 = new Date('2030-01-01T12:00:00.000Z');
  const t1 = new Date('2030-01-01T12:05:00.000Z');
  const t2 = new Date('2030-01-01T12:10:00.000Z');

  it('creates the row from the first snapshot', async () => {
    const scheduleId = newScheduleId();
    const first = scheduleMessage(changed(snapshot(scheduleId, t0)));

    await expect(applySchedule(first)).resolves.toBe(true);

    expect(await onlySchedule(scheduleId)).toEqual({
      id: scheduleId,
      key: `nightly-backup-${scheduleId}`,
      job_id: 'network.BackupConfigs',
      definition: definition(scheduleId),
      state: 'active',
      paused_reason: null,
      next_run_times: ['2030-01-02T01:00:00.000Z', '2030-01-03T01:00:00.000Z'],
      last_run_id: null,
      last_run_status: null,
      last_run_at: null,
      total_runs: 0,
      snapshot_position: String(first.streamSequence),
      created_at: t0,
      updated_at: t0,
      deleted_at: null,
      // A definition without an owner: a schedule from before owners.
      owner: null,
    });
  });

  it('replaces the snapshot with a newer one, keeping when it was created', async () => {
    const scheduleId = await existingSchedule(t0);
    const changedDefinition = definition(scheduleId, { timing: { kind: 'interval', everyMinutes: 15 }, data: { site: 'fra2' }, overlap: 'buffer_one', owner: 'bob' });
    const newer = scheduleMessage(changed(snapshot(scheduleId, t1, { definition: changedDefinition, state: 'paused', pausedReason: 'maintenance', nextRunTimes: [] })));

    await expect(applySchedule(newer)).resolves.toBe(true);

    expect(await onlySchedule(scheduleId)).toMatchObject({
      definition: changedDefinition,
      owner: 'bob',
      state: 'paused',
      paused_reason: 'maintenance',
      next_run_times: [],
      snapshot_position: String(newer.streamSequence),
      created_at: t0,
      updated_at: t1,
      deleted_at: null,
    });
  });

  it('keeps updated_at when a snapshot only has new next run times', async () => {
    const scheduleId = await existingSchedule(t0);

    await applySnapshot(snapshot(scheduleId, t1, { nextRunTimes: ['2030-01-04T01:00:00.000Z'] }));

    expect(await onlySchedule(scheduleId)).toMatchObject({ next_run_times: ['2030-01-04T01:00:00.000Z'], created_at: t0, updated_at: t0 });
  });

  it('ignores an older snapshot applied after a newer one', async () => {
    const scheduleId = newScheduleId();
    const base = nextPosition;
    nextPosition += 10;
    await applySnapshot(snapshot(scheduleId, t0), base + 1);
    await applySnapshot(snapshot(scheduleId, t2, { state: 'paused', pausedReason: 'newest' }), base + 5);
    const before = await onlySchedule(scheduleId);

    // Its own event, at a lower position: a message redelivered after the ones behind it.
    await expect(applySnapshot(snapshot(scheduleId, t1, { state: 'active', nextRunTimes: ['2031-01-01T00:00:00.000Z'] }), base + 3)).resolves.toBe(true);

    const after = await onlySchedule(scheduleId);
    expect(after).toEqual(before);
    expect(after).toMatchObject({ state: 'paused', paused_reason: 'newest', snapshot_position: String(base + 5) });
  });

  it('applies a redelivered snapshot once', async () => {
    const scheduleId = newScheduleId();
    const first = scheduleMessage(changed(snapshot(scheduleId, t0)));
    await applySchedule(first);
    const before = await onlySchedule(scheduleId);

    await expect(applySchedule({ ...first, redelivered: true })).resolves.toBe(false);

    expect(await onlySchedule(scheduleId)).toEqual(before);
    expect(await appliedCount(first.event.id)).toBe(1);
  });

  it('marks a deleted schedule deleted and keeps its row, its counts and its runs', async () => {
    const scheduleId = await existingSchedule(t0);
    const runId = randomUUID();
    await applyRun(runMessage(requested(runId, scheduleId, t0)));
    await applyRun(runMessage(completed(runId)));

    await applySnapshot(snapshot(scheduleId, t2, { deleted: true, nextRunTimes: [] }));

    expect(await onlySchedule(scheduleId)).toMatchObject({
      deleted_at: t2,
      updated_at: t2,
      total_runs: 1,
      last_run_id: runId,
      last_run_status: 'completed',
      definition: definition(scheduleId),
    });
    expect(await runsOf(scheduleId)).toEqual([{ id: runId, status: 'completed' }]);

    // A repeated deletion keeps the first time; an older live snapshot applied late does not bring it back.
    await applySnapshot(snapshot(scheduleId, new Date('2030-01-01T13:00:00.000Z'), { deleted: true, nextRunTimes: [] }));
    const before = await onlySchedule(scheduleId);
    await applySnapshot(snapshot(scheduleId, t1), 1);
    expect(await onlySchedule(scheduleId)).toEqual(before);
    expect(before.deleted_at).toEqual(t2);
  });

  it('brings a deleted schedule back when it is created again, with its past runs still counted', async () => {
    const scheduleId = await existingSchedule(t0);
    await applyRun(runMessage(requested(randomUUID(), scheduleId, t0)));
    await applySnapshot(snapshot(scheduleId, t1, { deleted: true, nextRunTimes: [] }));

    await applySnapshot(snapshot(scheduleId, t2));

    expect(await onlySchedule(scheduleId)).toMatchObject({ deleted_at: null, updated_at: t2, total_runs: 1 });
  });

  it('keeps a key to one schedule not deleted, and lets a new schedule take the key of a deleted one', async () => {
    const first = await existingSchedule(t0);
    const key = `nightly-backup-${first}`;
    const second = newScheduleId();

    await expect(applySnapshot(snapshot(second, t1, { definition: definition(second, { key }) }))).rejects.toThrow(/schedules_key_live_idx/);
    expect(await scheduleRow(second)).toBeNull();

    await applySnapshot(snapshot(first, t1, { deleted: true }));
    await applySnapshot(snapshot(second, t2, { definition: definition(second, { key }) }));
    expect(await onlySchedule(second)).toMatchObject({ key, deleted_at: null });
  });

  it('throws for an event type it does not know and records nothing, so it is redelivered', async () => {
    const scheduleId = newScheduleId();
    const unknown = { ...changed(snapshot(scheduleId, t0)), type: 'schedule.renamed' } as unknown as ScheduleEvent;

    await expect(applySchedule(scheduleMessage(unknown))).rejects.toThrow('Unknown schedule event type schedule.renamed');
    expect(await appliedCount(unknown.id)).toBe(0);
    expect(await scheduleRow(scheduleId)).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Runs a schedule started
// ---------------------------------------------------------------------------------------------------------------

describe('runs a schedule started', () => {
  // Before now: run.started and the terminal events below happen now, after the requests.
  const t0 = new Date('2020-02-01T02:00:00.000Z');
  const t1 = new Date('2020-02-02T02:00:00.000Z');
  const t2 = new Date('2020-02-03T02:00:00.000Z');

  it('are counted, and the last run status follows the run to its end', async () => {
    const scheduleId = await existingSchedule();
    const runId = randomUUID();

    await applyRun(runMessage(requested(runId, scheduleId, t0)));
    expect(await runsOf(scheduleId)).toEqual([{ id: runId, status: 'queued' }]);
    expect(await onlySchedule(scheduleId)).toMatchObject({ total_runs: 1, last_run_id: runId, last_run_status: 'queued', last_run_at: t0 });

    await applyRun(runMessage(started(runId)));
    expect(await onlySchedule(scheduleId)).toMatchObject({ total_runs: 1, last_run_status: 'running' });

    await applyRun(runMessage(stepStarted(runId)));
    await applyRun(runMessage(completed(runId)));
    expect(await onlySchedule(scheduleId)).toMatchObject({ total_runs: 1, last_run_id: runId, last_run_status: 'completed', last_run_at: t0 });

    // A later terminal event changes neither the run nor the schedule.
    await applyRun(runMessage(failed(runId)));
    expect(await onlySchedule(scheduleId)).toMatchObject({ last_run_status: 'completed' });
  });

  it('make the newest run the last one; an older run ending later does not change it', async () => {
    const scheduleId = await existingSchedule();
    const older = randomUUID();
    const newer = randomUUID();
    await applyRun(runMessage(requested(older, scheduleId, t0)));
    await applyRun(runMessage(started(older)));

    await applyRun(runMessage(requested(newer, scheduleId, t1)));
    await applyRun(runMessage(failed(older)));

    expect(await onlySchedule(scheduleId)).toMatchObject({ total_runs: 2, last_run_id: newer, last_run_status: 'queued', last_run_at: t1 });
    expect(await runsOf(scheduleId)).toEqual([
      { id: older, status: 'failed' },
      { id: newer, status: 'queued' },
    ]);
  });

  it('count a run requested earlier but applied later without making it the last run', async () => {
    const scheduleId = await existingSchedule();
    const newer = randomUUID();
    const older = randomUUID();
    await applyRun(runMessage(requested(newer, scheduleId, t2)));

    await applyRun(runMessage(requested(older, scheduleId, t1)));

    expect(await onlySchedule(scheduleId)).toMatchObject({ total_runs: 2, last_run_id: newer, last_run_at: t2 });
  });

  it('take the run status when run.started was applied before run.requested', async () => {
    const scheduleId = await existingSchedule();
    const runId = randomUUID();
    await applyRun(runMessage(started(runId)));

    await applyRun(runMessage(requested(runId, scheduleId, t0)));

    expect(await onlySchedule(scheduleId)).toMatchObject({ total_runs: 1, last_run_id: runId, last_run_status: 'running' });
  });

  it('are counted once when run.requested is redelivered', async () => {
    const scheduleId = await existingSchedule();
    const runId = randomUUID();
    const first = runMessage(requested(runId, scheduleId, t0));

    await expect(applyRun(first)).resolves.toBe(true);
    await expect(applyRun({ ...first, redelivered: true })).resolves.toBe(false);
    const completion = runMessage(completed(runId));
    await applyRun(completion);
    await expect(applyRun({ ...completion, redelivered: true })).resolves.toBe(false);

    expect(await onlySchedule(scheduleId)).toMatchObject({ total_runs: 1, last_run_id: runId, last_run_status: 'completed' });
    expect(await runsOf(scheduleId)).toHaveLength(1);
  });

  it('leave schedules alone when a run was not started by one', async () => {
    const scheduleId = await existingSchedule();
    const before = await onlySchedule(scheduleId);
    const runId = randomUUID();

    await applyRun(runMessage(requested(runId, null, t0)));
    await applyRun(runMessage(completed(runId)));

    expect(await onlySchedule(scheduleId)).toEqual(before);
    const [run]: Array<{ schedule_id: string | null }> = await db.dataSource.query(`SELECT schedule_id FROM job_runs WHERE id = $1`, [runId]);
    expect(run.schedule_id).toBeNull();
  });

  it('of a schedule with no row yet are kept, and counted when its first snapshot arrives', async () => {
    const scheduleId = newScheduleId();
    const first = randomUUID();
    const second = randomUUID();
    await applyRun(runMessage(requested(first, scheduleId, t0)));
    await applyRun(runMessage(completed(first)));
    await applyRun(runMessage(requested(second, scheduleId, t1)));
    await applyRun(runMessage(started(second)));
    expect(await scheduleRow(scheduleId)).toBeNull();
    expect(await runsOf(scheduleId)).toEqual([
      { id: first, status: 'completed' },
      { id: second, status: 'running' },
    ]);

    await applySnapshot(snapshot(scheduleId, t2));
    expect(await onlySchedule(scheduleId)).toMatchObject({ total_runs: 2, last_run_id: second, last_run_status: 'running', last_run_at: t1 });

    // From then on, the row follows as usual.
    await applyRun(runMessage(completed(second)));
    const third = randomUUID();
    await applyRun(runMessage(requested(third, scheduleId, t2)));
    expect(await onlySchedule(scheduleId)).toMatchObject({ total_runs: 3, last_run_id: third, last_run_status: 'queued' });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The two consumers at once
// ---------------------------------------------------------------------------------------------------------------

/** True once some transaction in the test database waits for a lock. */
async function someoneWaits(): Promise<true | undefined> {
  const rows: Array<{ count: string }> = await db.dataSource.query(
    `SELECT count(*) AS count FROM pg_locks JOIN pg_stat_activity USING (pid) WHERE NOT granted AND datname = current_database()`,
  );
  return Number(rows[0].count) > 0 ? true : undefined;
}

/** Runs `project` in a transaction that stays open, holding its locks, until the returned `commit` is called. */
function heldOpen<TEvent extends EventEnvelope>(
  project: (manager: EntityManager, event: TEvent, position: number) => Promise<unknown>,
  message: StreamMessage<TEvent>,
): { applied: Promise<void>; done: Promise<boolean>; commit: () => void } {
  let commit!: () => void;
  let signalApplied!: () => void;
  const gate = new Promise<void>((resolve) => (commit = resolve));
  const applied = new Promise<void>((resolve) => (signalApplied = resolve));
  const done = applyOnce(db.dataSource, message, async (manager, event, position) => {
    await project(manager, event, position);
    signalApplied();
    await gate;
  });
  return { applied, done, commit };
}

describe('a schedule row created while its runs are being applied', () => {
  const t0 = new Date('2030-03-01T02:00:00.000Z');

  it('counts a run requested in a transaction still open when the first snapshot arrives, once', async () => {
    const scheduleId = newScheduleId();
    const runId = randomUUID();
    const run = heldOpen(projectRunEventWithSchedule, runMessage(requested(runId, scheduleId, t0)));
    await run.applied;

    const schedule = applySnapshot(snapshot(scheduleId, t0));
    await waitFor(someoneWaits, 5000, 'the snapshot to wait for the run');
    run.commit();
    await Promise.all([run.done, schedule]);

    expect(await onlySchedule(scheduleId)).toMatchObject({ total_runs: 1, last_run_id: runId, last_run_status: 'queued' });
  });

  it('counts a run requested while the first snapshot is being applied, once', async () => {
    const scheduleId = newScheduleId();
    const runId = randomUUID();
    const schedule = heldOpen(projectScheduleEvent, scheduleMessage(changed(snapshot(scheduleId, t0))));
    await schedule.applied;

    const run = applyRun(runMessage(requested(runId, scheduleId, t0)));
    await waitFor(someoneWaits, 5000, 'the run to wait for the snapshot');
    schedule.commit();
    await Promise.all([schedule.done, run]);

    expect(await onlySchedule(scheduleId)).toMatchObject({ total_runs: 1, last_run_id: runId, last_run_status: 'queued' });
  });

  it('shows the status of a last run that ends while the first snapshot is being applied', async () => {
    const scheduleId = newScheduleId();
    const runId = randomUUID();
    await applyRun(runMessage(requested(runId, scheduleId, t0)));
    const end = heldOpen(projectRunEventWithSchedule, runMessage(completed(runId)));
    await end.applied;

    const schedule = applySnapshot(snapshot(scheduleId, t0));
    await waitFor(someoneWaits, 5000, 'the snapshot to wait for the run to end');
    end.commit();
    await Promise.all([end.done, schedule]);

    expect(await onlySchedule(scheduleId)).toMatchObject({ total_runs: 1, last_run_id: runId, last_run_status: 'completed' });
  });
});
