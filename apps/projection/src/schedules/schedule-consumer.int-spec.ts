/**
 * The whole projection module (Nest application context) on an instance and a Postgres database of its own,
 * fed over the real NATS server as the scheduler and the collector would publish: `schedule.changed` on the
 * schedules stream reaches `schedules` through the projection's third durable consumer, and the runs a schedule
 * starts are counted on its row. The instance's streams, the database and the connections are removed afterwards.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { newEvent, runEventKind, type RunEvent, type ScheduleChanged, type ScheduleSnapshot } from '@yardmaster/contracts';
import { waitFor } from '@yardmaster/testing';
import { startProjectionOnOwnInstance, type ProjectionOnOwnInstance } from '../test-support/projection-on-own-instance';

jest.setTimeout(30_000);


let projection: ProjectionOnOwnInstance;

beforeAll(async () => {
  projection = await startProjectionOnOwnInstance('schc');
});

afterAll(() => projection?.remove());

function snapshot(scheduleId: string, observedAt: Date, overrides: Partial<ScheduleSnapshot> = {}): ScheduleSnapshot {
  return {
    scheduleId,
    definition: {
      key: `hourly-facts-${scheduleId}`,
      jobId: 'network.CollectFacts',
      data: {},
      commit: true,
      queue: 'default',
      runTimeoutSeconds: null,
      timing: { kind: 'interval', everyMinutes: 60 },
      startAt: null,
      endAt: null,
      overlap: 'skip',
      catchupWindowSeconds: 60,
    },
    state: 'active',
    pausedReason: null,
    nextRunTimes: [new Date(observedAt.getTime() + 3_600_000).toISOString()],
    deleted: false,
    observedAt: observedAt.toISOString(),
    ...overrides,
  };
}

async function publishSnapshot(data: ScheduleSnapshot): Promise<void> {
  const id = randomUUID();
  const event: ScheduleChanged = newEvent({
    id,
    type: 'schedule.changed',
    occurredAt: data.observedAt,
    aggregateId: data.scheduleId,
    sequence: 0,
    correlationId: id,
    actor: 'system:scheduler',
    data,
  });
  await projection.publisher.publish(projection.subjects.scheduleChanged(data.scheduleId), event);
}

async function publishRun<TType extends RunEvent['type']>(type: TType, runId: string, data: Extract<RunEvent, { type: TType }>['data']): Promise<void> {
  const event = newEvent({
    id: `${runId}:${type}`,
    type,
    occurredAt: new Date().toISOString(),
    aggregateId: runId,
    sequence: 1,
    correlationId: runId,
    actor: 'system:test',
    data,
  });
  await projection.publisher.publish(projection.subjects.runEvent(runId, runEventKind(type)), event);
}

interface Row {
  state: string;
  paused_reason: string | null;
  total_runs: number;
  last_run_id: string | null;
  last_run_status: string | null;
  deleted_at: Date | null;
  snapshot_position: string;
}

async function rowWhere(scheduleId: string, holds: (row: Row) => boolean): Promise<Row | undefined> {
  const rows: Row[] = await projection.db.dataSource.query(
    `SELECT state, paused_reason, total_runs, last_run_id, last_run_status, deleted_at, snapshot_position FROM schedules WHERE id = $1`,
    [scheduleId],
  );
  return rows[0] && holds(rows[0]) ? rows[0] : undefined;
}

describe('the projection on the schedules stream', () => {
  it('has a durable consumer on the schedules stream', async () => {
    const info = await (await jetstreamManager(projection.nc)).consumers.info(projection.streams.schedules, projection.streams.projectionConsumer);

    expect(info.config.filter_subject).toBe(projection.subjects.scheduleEvents);
    expect(info.config.durable_name).toBe(projection.streams.projectionConsumer);
  });

  it('keeps the newest snapshot, counts the scheduled runs and follows the last one to its end, then marks the schedule deleted', async () => {
    const scheduleId = `sch-${randomUUID().replaceAll('-', '').slice(0, 20)}`;
    const t0 = new Date();
    await publishSnapshot(snapshot(scheduleId, t0));
    await publishSnapshot(snapshot(scheduleId, new Date(t0.getTime() + 1000), { state: 'paused', pausedReason: 'maintenance' }));
    await waitFor(() => rowWhere(scheduleId, (row) => row.state === 'paused'), 10_000, 'the paused snapshot');

    const runId = randomUUID();
    await publishRun('run.requested', runId, {
      jobId: 'network.CollectFacts',
      jobName: 'Collect facts',
      data: {},
      commit: true,
      queue: 'default',
      requestedBy: `schedule:${scheduleId}`,
      workflowId: `run-${runId}`,
      requestedAt: new Date().toISOString(),
      scheduleId,
    });
    await waitFor(() => rowWhere(scheduleId, (row) => row.total_runs === 1 && row.last_run_status === 'queued'), 10_000, 'the run counted');
    await publishRun('run.started', runId, { jobId: 'network.CollectFacts', workflowId: `run-${runId}`, attempt: 1 });
    await publishRun('run.completed', runId, { result: { devices: 12 } });
    const ended = await waitFor(() => rowWhere(scheduleId, (row) => row.last_run_status === 'completed'), 10_000, 'the last run completed');
    expect(ended).toMatchObject({ total_runs: 1, last_run_id: runId, state: 'paused', paused_reason: 'maintenance' });

    await publishSnapshot(snapshot(scheduleId, new Date(t0.getTime() + 2000), { deleted: true, nextRunTimes: [] }));
    const deleted = await waitFor(() => rowWhere(scheduleId, (row) => row.deleted_at !== null), 10_000, 'the schedule deleted');
    expect(deleted).toMatchObject({ total_runs: 1, last_run_id: runId, last_run_status: 'completed' });
    const runs: Array<{ id: string }> = await projection.db.dataSource.query(`SELECT id FROM job_runs WHERE schedule_id = $1`, [scheduleId]);
    expect(runs).toEqual([{ id: runId }]);
  });
});
