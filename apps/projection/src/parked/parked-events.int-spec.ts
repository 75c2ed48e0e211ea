/**
 * Poison events over the real NATS server and Postgres: the projection module on an instance and a database of
 * its own. An event that keeps failing is parked after the allowed tries while the events after it flow on; the
 * ping counts it; a replay that still fails leaves it parked; once its cause is gone, a replay applies it through
 * the apply-once path, deletes it and audits it. A run event contradicting a run's end is refused.
 */
import 'reflect-metadata';
import {
  ErrorCode,
  newEvent,
  runEventKind,
  YardError,
  type ReplayParkedCommand,
  type ReplayParkedResult,
  type RunEvent,
} from '@yardmaster/contracts';
import { countParked, listParked, pingService, sendCommand } from '@yardmaster/messaging';
import { waitFor } from '@yardmaster/testing';
import { randomUUID } from 'node:crypto';
import { startProjectionOnOwnInstance, type ProjectionOnOwnInstance } from '../test-support/projection-on-own-instance';

jest.setTimeout(60_000);

const MAX_DELIVERIES = 3;

let projection: ProjectionOnOwnInstance;

beforeAll(async () => {
  projection = await startProjectionOnOwnInstance('park', {
    env: { YARD_PROJECTION_MAX_DELIVERIES: String(MAX_DELIVERIES) },
    adjust: (config) => {
      expect(config.redelivery.maxDeliveries).toBe(MAX_DELIVERIES);
      // Short delays keep the test quick; the count of tries is the configured one.
      return { ...config, redelivery: { ...config.redelivery, firstDelayMs: 100, maxDelayMs: 200 } };
    },
  });
});

afterAll(() => projection?.remove());

async function publishRun<TType extends RunEvent['type']>(type: TType, runId: string, data: Extract<RunEvent, { type: TType }>['data'], occurredAt = new Date()): Promise<string> {
  const id = randomUUID();
  await projection.publisher.publish(
    projection.subjects.runEvent(runId, runEventKind(type)),
    newEvent({ id, type, aggregateId: runId, actor: 'alice', data, occurredAt: occurredAt.toISOString(), sequence: 1, correlationId: `corr-${id}` }),
  );
  return id;
}

function requestRun(runId: string, at = new Date()): Promise<string> {
  return publishRun(
    'run.requested',
    runId,
    { jobId: 'examples.HelloWorld', jobName: 'Hello', data: {}, commit: true, queue: 'default', requestedBy: 'alice', workflowId: `run-${runId}`, requestedAt: at.toISOString() },
    at,
  );
}

async function runRow(runId: string): Promise<{ status: string; steps: Record<string, unknown>; attempt: number; started_at: Date | null; completed_at: Date | null } | undefined> {
  const rows = await projection.db.dataSource.query(`SELECT status, steps, attempt, started_at, completed_at FROM job_runs WHERE id = $1`, [runId]);
  return rows[0];
}

function replay(command: Omit<ReplayParkedCommand, 'meta'>): Promise<ReplayParkedResult> {
  return sendCommand<ReplayParkedResult>(projection.nc, projection.subjects.replayParkedCommand, { meta: { actor: 'root', correlationId: 'corr-replay' }, ...command }, { timeoutMs: 10_000, serviceName: 'projection' });
}

describe('a poison event', () => {
  it('is parked after the allowed tries, the rest flow on, health counts it, and a replay applies it once fixed', async () => {
    // A step of a run the read model has never heard of: the projector refuses it until the run exists.
    const orphanRunId = randomUUID();
    const poisonId = await publishRun('run.step_started', orphanRunId, { step: 'run', attempt: 1, maxAttempts: 3, worker: 'collector-1' });
    const healthyRunId = randomUUID();
    await requestRun(healthyRunId);

    await waitFor(async () => ((await runRow(healthyRunId)) ? true : undefined), 10_000, 'the healthy run to be projected');
    const parked = await waitFor(
      async () => {
        const found = await listParked(projection.nc, projection.streams.parked, 10);
        return found.length === 1 ? found : undefined;
      },
      20_000,
      'the poison event to be parked',
    );
    expect(parked[0].view).toMatchObject({
      stream: projection.streams.runs,
      subject: projection.subjects.runEvent(orphanRunId, 'step_started'),
      consumer: projection.streams.projectionConsumer,
      deliveries: MAX_DELIVERIES,
      eventType: 'run.step_started',
      runId: orphanRunId,
      reason: `Run ${orphanRunId} got run.step_started before any event created it`,
    });
    // The audit's own consumer records nothing for a step, so only the projection's consumer parked it.
    await expect(countParked(projection.nc, projection.streams.parked)).resolves.toBe(1);
    const ping = await pingService(projection.nc, projection.instance, 'projection', 2_000);
    expect(ping).toMatchObject({ ready: true, parked: 1 });

    // Still broken: the answer says so and the event stays parked.
    const id = parked[0].view.id;
    await expect(replay({ id })).rejects.toMatchObject({ code: ErrorCode.ReplayFailed });
    await expect(countParked(projection.nc, projection.streams.parked)).resolves.toBe(1);

    // The cause is gone once the run exists: the replay applies the step.
    await requestRun(orphanRunId);
    await waitFor(async () => ((await runRow(orphanRunId)) ? true : undefined), 10_000, 'the orphan run to be projected');
    await expect(replay({ id })).resolves.toEqual({ replayed: [id], failed: [] });

    expect((await runRow(orphanRunId))?.steps).toHaveProperty('run');
    const applied = await projection.db.dataSource.query(`SELECT 1 FROM applied_events WHERE event_id = $1`, [poisonId]);
    expect(applied).toHaveLength(1);
    await expect(countParked(projection.nc, projection.streams.parked)).resolves.toBe(0);
    expect(await pingService(projection.nc, projection.instance, 'projection', 2_000)).toMatchObject({ parked: 0 });
    const audit = await projection.db.dataSource.query(`SELECT actor, action, target_type, target_id, correlation_id FROM audit_entries WHERE action = 'parked.replayed'`);
    expect(audit).toEqual([{ actor: 'root', action: 'parked.replayed', target_type: 'parked-event', target_id: String(id), correlation_id: 'corr-replay' }]);

    // Gone now: replaying it again is "not found", and replaying all finds nothing.
    const again = await replay({ id }).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(YardError);
    expect(again).toMatchObject({ code: ErrorCode.ParkedEventNotFound });
    await expect(replay({ all: true })).resolves.toEqual({ replayed: [], failed: [] });
  });
});

describe('a run event that contradicts the run\'s end', () => {
  it('is refused: run.started after run.cancelled leaves the run cancelled', async () => {
    const runId = randomUUID();
    const t0 = Date.now() - 60_000;
    await requestRun(runId, new Date(t0));
    await publishRun('run.started', runId, { jobId: 'examples.HelloWorld', workflowId: `run-${runId}`, attempt: 1 }, new Date(t0 + 1_000));
    await publishRun('run.cancelled', runId, { result: null, cancelledBy: 'alice', step: 'run' }, new Date(t0 + 2_000));
    const contradiction = await publishRun('run.started', runId, { jobId: 'examples.HelloWorld', workflowId: `run-${runId}`, attempt: 2 }, new Date(t0 + 3_000));

    await waitFor(
      async () => ((await projection.db.dataSource.query(`SELECT 1 FROM applied_events WHERE event_id = $1`, [contradiction])).length === 1 ? true : undefined),
      10_000,
      'the contradicting event to be consumed',
    );
    const run = await runRow(runId);
    expect(run).toMatchObject({ status: 'cancelled', attempt: 1, started_at: new Date(t0 + 1_000), completed_at: new Date(t0 + 2_000) });
    await expect(countParked(projection.nc, projection.streams.parked)).resolves.toBe(0);
  });
});
