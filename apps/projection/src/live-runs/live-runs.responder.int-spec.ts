/**
 * The live-runs responder inside the whole projection module (Nest application context), on an instance and
 * a Postgres database of its own, asked over the real NATS server as the scheduler would ask it. The instance's
 * streams, the database and the connections are removed afterwards.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { ErrorCode, subjectsFor, YardError, type LiveRun, type LiveRunsQuery, type RunStatus } from '@yardmaster/contracts';
import { sendCommand } from '@yardmaster/messaging';
import { startProjectionOnOwnInstance, type ProjectionOnOwnInstance } from '../test-support/projection-on-own-instance';

jest.setTimeout(30_000);

let projection: ProjectionOnOwnInstance;

beforeAll(async () => {
  projection = await startProjectionOnOwnInstance('live');
});

afterAll(async () => {
  await projection?.remove();
});

beforeEach(async () => {
  await projection.db.dataSource.query(`DELETE FROM job_runs`);
});

const RANKS: Record<RunStatus, number> = {
  pending: 0,
  scheduled: 1,
  queued: 2,
  running: 3,
  completed: 4,
  failed: 4,
  errored: 4,
  cancelled: 4,
  timed_out: 4,
};

/** A run last changed `quietFor` seconds ago, by the database's clock. */
async function insertRun(status: RunStatus, quietFor: number): Promise<{ runId: string; updatedAt: Date }> {
  const runId = randomUUID();
  const [row]: Array<{ updated_at: Date }> = await projection.db.dataSource.query(
    `INSERT INTO job_runs (id, job_id, status, status_rank, workflow_id, created_at, updated_at)
     VALUES ($1, 'network.BackupConfigs', $2, $3, $4, now() - make_interval(secs => $5 + 60), now() - make_interval(secs => $5))
     RETURNING updated_at`,
    [runId, status, RANKS[status], `run-${runId}`, quietFor],
  );
  return { runId, updatedAt: row.updated_at };
}

function ask(query: unknown): Promise<LiveRun[]> {
  return sendCommand<LiveRun[]>(projection.nc, subjectsFor(projection.instance).liveRunsQuery, query, { timeoutMs: 5000, serviceName: 'projection' });
}

async function refusal(query: unknown): Promise<YardError> {
  const error = await ask(query).then(
    () => null,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(YardError);
  return error as YardError;
}

describe('the live-runs query', () => {
  it('answers with the runs not yet ended and quiet for longer than quietSeconds, the longest quiet first', async () => {
    const queued = await insertRun('queued', 600);
    const running = await insertRun('running', 3600);
    const pending = await insertRun('pending', 120);
    await insertRun('running', 10); // not quiet long enough
    for (const status of ['completed', 'failed', 'errored', 'cancelled', 'timed_out'] as const) await insertRun(status, 7200);

    const query: LiveRunsQuery = { quietSeconds: 60, limit: 10 };
    const live = await ask(query);

    expect(live).toEqual([
      { runId: running.runId, workflowId: `run-${running.runId}`, status: 'running', updatedAt: running.updatedAt.toISOString(), cancelRequestedBy: null },
      { runId: queued.runId, workflowId: `run-${queued.runId}`, status: 'queued', updatedAt: queued.updatedAt.toISOString(), cancelRequestedBy: null },
      { runId: pending.runId, workflowId: `run-${pending.runId}`, status: 'pending', updatedAt: pending.updatedAt.toISOString(), cancelRequestedBy: null },
    ]);
  });

  it('answers with at most limit runs, the oldest', async () => {
    const oldest = await insertRun('running', 900);
    const older = await insertRun('running', 800);
    await insertRun('running', 700);

    const live = await ask({ quietSeconds: 0, limit: 2 });

    expect(live.map((run) => run.runId)).toEqual([oldest.runId, older.runId]);
  });

  it('answers with an empty list when no run is live', async () => {
    await insertRun('completed', 900);

    await expect(ask({ quietSeconds: 0, limit: 5 })).resolves.toEqual([]);
  });

  it('refuses a query with bad fields with VALIDATION_FAILED, naming each', async () => {
    const error = await refusal({ quietSeconds: -1, limit: 0 });

    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.fieldErrors?.map((fieldError) => fieldError.field)).toEqual(['quietSeconds', 'limit']);
  });

  it('refuses a body that is not an object with MALFORMED_REQUEST', async () => {
    expect((await refusal([60, 10])).code).toBe(ErrorCode.MalformedRequest);
  });

  it('stops answering when the projection shuts down', async () => {
    await projection.stop();

    const error = await refusal({ quietSeconds: 0, limit: 1 });

    expect(error.code).toBe(ErrorCode.ServiceUnavailable);
    expect(error.message).toBe('The projection service is not running');
  });
});
