/**
 * The audit over the real NATS server and Postgres: the projection module (Nest application context) on an instance
 * and a database of its own records, from all four streams, the actions people took and nothing else; a
 * redelivered event adds nothing; and the projection's own tables still get the same events. Streams, database and
 * connections are removed afterwards.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { newEvent, runEventKind, type EventEnvelope, type RunEvent, type ScheduleChangedData } from '@yardmaster/contracts';
import { encodeJson } from '@yardmaster/messaging';
import { waitFor } from '@yardmaster/testing';
import { startProjectionOnOwnInstance, type ProjectionOnOwnInstance } from '../test-support/projection-on-own-instance';

jest.setTimeout(30_000);


let projection: ProjectionOnOwnInstance;

beforeAll(async () => {
  projection = await startProjectionOnOwnInstance('audt');
});

afterAll(() => projection?.remove());

async function publish(subject: string, fields: Pick<EventEnvelope, 'id' | 'type' | 'aggregateId' | 'actor' | 'data'>): Promise<void> {
  await projection.publisher.publish(subject, newEvent({ ...fields, occurredAt: new Date().toISOString(), sequence: 1, correlationId: `corr-${fields.id}` }));
}

async function publishRun<TType extends RunEvent['type']>(type: TType, runId: string, actor: string, data: Extract<RunEvent, { type: TType }>['data']): Promise<void> {
  await publish(projection.subjects.runEvent(runId, runEventKind(type)), { id: `${runId}:${type}`, type, aggregateId: runId, actor, data });
}

interface AuditRow {
  event_id: string;
  actor: string;
  action: string;
  target_type: string;
  target_id: string;
  summary: string;
  details: Record<string, unknown>;
}

async function entriesFor(targetId: string, count: number): Promise<AuditRow[] | undefined> {
  const rows: AuditRow[] = await projection.db.dataSource.query(
    `SELECT event_id, actor, action, target_type, target_id, summary, details FROM audit_entries WHERE target_id = $1 ORDER BY occurred_at, event_id`,
    [targetId],
  );
  return rows.length >= count ? rows : undefined;
}

describe('the audit consumers', () => {
  it('have a durable consumer of their own on each stream', async () => {
    const jsm = await jetstreamManager(projection.nc);
    for (const stream of [projection.streams.runs, projection.streams.schedules, projection.streams.catalog, projection.streams.identity]) {
      expect((await jsm.consumers.info(stream, projection.streams.auditConsumer)).config.durable_name).toBe(projection.streams.auditConsumer);
    }
  });

  it('record a run and its cancel, once each, without the run data or the log and progress around them', async () => {
    const runId = randomUUID();
    const requested = {
      jobId: 'examples.HelloWorld',
      jobName: 'Hello World',
      data: { name: 'yard', password: '********' },
      commit: true,
      queue: 'default',
      requestedBy: 'ann',
      workflowId: `run-${runId}`,
      requestedAt: new Date().toISOString(),
    };
    await publishRun('run.requested', runId, 'ann', requested);
    await publishRun('run.started', runId, 'ann', { jobId: 'examples.HelloWorld', workflowId: `run-${runId}`, attempt: 1 });
    await publishRun('run.progress', runId, 'ann', { total: 3, done: 1, failed: 0 });
    await publishRun('run.cancel_requested', runId, 'bob', { by: 'bob' });
    await publishRun('run.cancelled', runId, 'bob', { result: null, cancelledBy: 'bob', step: 'run' });
    // The same run.requested again under another msgID, so JetStream stores it twice: the entry's key holds.
    const again = newEvent({ id: `${runId}:run.requested`, type: 'run.requested', occurredAt: new Date().toISOString(), aggregateId: runId, sequence: 1, correlationId: 'again', actor: 'ann', data: requested });
    await jetstream(projection.nc).publish(projection.subjects.runEvent(runId, 'requested'), encodeJson(again), { msgID: `${runId}:again` });
    // The stream delivers in order: once this later cancel is recorded, the repeat has been handled.
    const markerRunId = randomUUID();
    await publishRun('run.cancel_requested', markerRunId, 'bob', { by: 'bob' });
    await waitFor(() => entriesFor(markerRunId, 1), 10_000, 'the later cancel');

    const rows = await waitFor(() => entriesFor(runId, 2), 10_000, 'the run and cancel entries');
    // The run's own read model took the same events.
    await waitFor(async () => ((await projection.db.dataSource.query(`SELECT status FROM job_runs WHERE id = $1`, [runId])) as Array<{ status: string }>)[0]?.status === 'cancelled' || undefined, 10_000, 'the run cancelled');

    expect(rows.map((row) => [row.actor, row.action, row.target_type, row.summary])).toEqual([
      ['ann', 'run.requested', 'run', `ran examples.HelloWorld (run ${runId})`],
      ['bob', 'run.cancel_requested', 'run', `cancelled run ${runId}`],
    ]);
    expect(rows[0].details).toEqual({ jobId: 'examples.HelloWorld', queue: 'default', commit: true });
    expect(await entriesFor(runId, 3)).toBeUndefined();
  });

  it('record a paused schedule, an override and identity changes, and leave out what services did', async () => {
    const scheduleId = `sch-${randomUUID().slice(0, 8)}`;
    const snapshot: ScheduleChangedData = {
      scheduleId,
      definition: {
        key: 'nightly-backup',
        jobId: 'examples.Backup',
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
      state: 'paused',
      pausedReason: 'maintenance',
      nextRunTimes: [],
      deleted: false,
      observedAt: new Date().toISOString(),
    };
    await publish(projection.subjects.scheduleChanged(scheduleId), { id: `${scheduleId}-1`, type: 'schedule.changed', aggregateId: scheduleId, actor: 'system:scheduler', data: snapshot });
    await publish(projection.subjects.scheduleChanged(scheduleId), { id: `${scheduleId}-2`, type: 'schedule.changed', aggregateId: scheduleId, actor: 'ann', data: { ...snapshot, change: 'paused' } });
    const jobId = `examples.Job${randomUUID().slice(0, 6)}`;
    await publish(projection.subjects.jobOverridden(jobId), { id: `${jobId}:o`, type: 'catalog.job_overridden', aggregateId: jobId, actor: 'ann', data: { jobId, overrides: { enabled: false } } });
    const tokenId = randomUUID();
    const token = { username: 'carl', tokenId, name: 'laptop', prefix: 'yard_AbCdEfGh', readOnly: false, expiresAt: null };
    await publish(projection.subjects.identityEvent('token_created'), { id: `t:${tokenId}:c`, type: 'identity.token_created', aggregateId: `token:${tokenId}`, actor: 'admin', data: token });
    await publish(projection.subjects.identityEvent('token_revoked'), { id: `t:${tokenId}:r`, type: 'identity.token_revoked', aggregateId: `token:${tokenId}`, actor: 'carl', data: token });

    expect((await waitFor(() => entriesFor(scheduleId, 1), 10_000, 'the schedule entry')).map((row) => [row.actor, row.action, row.summary])).toEqual([
      ['ann', 'schedule.paused', 'paused schedule nightly-backup: maintenance'],
    ]);
    expect((await waitFor(() => entriesFor(jobId, 1), 10_000, 'the override entry'))[0]).toMatchObject({ action: 'catalog.job_overridden', target_type: 'job' });
    expect((await waitFor(() => entriesFor(tokenId, 2), 10_000, 'the token entries')).map((row) => [row.actor, row.action])).toEqual([
      ['admin', 'identity.token_created'],
      ['carl', 'identity.token_revoked'],
    ]);
  });
});
