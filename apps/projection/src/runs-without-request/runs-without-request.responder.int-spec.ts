/**
 * The runs-without-request responder inside the whole projection module, on an instance and a Postgres database
 * of its own, asked over the real NATS server as the scheduler's reconciler asks it; all removed afterwards.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { ErrorCode, subjectsFor, YardError, type RunWithoutRequest } from '@yardmaster/contracts';
import { sendCommand } from '@yardmaster/messaging';
import { startProjectionOnOwnInstance, type ProjectionOnOwnInstance } from '../test-support/projection-on-own-instance';

jest.setTimeout(30_000);

let projection: ProjectionOnOwnInstance;

beforeAll(async () => {
  projection = await startProjectionOnOwnInstance('norequest');
});

afterAll(async () => {
  await projection?.remove();
});

/** A running run last changed `quietFor` seconds ago, with or without the requester its `run.requested` sets. */
async function insertRun(requestedBy: string | null, quietFor: number): Promise<string> {
  const runId = randomUUID();
  await projection.db.dataSource.query(
    `INSERT INTO job_runs (id, job_id, status, status_rank, workflow_id, requested_by, created_at, updated_at)
     VALUES ($1, 'network.BackupConfigs', 'running', 3, $2, $3, now() - make_interval(secs => $4 + 60), now() - make_interval(secs => $4))`,
    [runId, `run-${runId}`, requestedBy, quietFor],
  );
  return runId;
}

const ask = (query: unknown) => sendCommand<RunWithoutRequest[]>(projection.nc, subjectsFor(projection.instance).runsWithoutRequestQuery, query, { timeoutMs: 5000, serviceName: 'projection' });

describe('the runs-without-request query', () => {
  it('answers with the quiet runs that have no requester, the oldest first, at most limit', async () => {
    const oldest = await insertRun(null, 900);
    const older = await insertRun(null, 800);
    await insertRun(null, 700);
    await insertRun('ann', 1000); // its request arrived
    await insertRun(null, 5); // its request may still be on its way

    await expect(ask({ quietSeconds: 60, limit: 2 })).resolves.toEqual([
      { runId: oldest, workflowId: `run-${oldest}` },
      { runId: older, workflowId: `run-${older}` },
    ]);
  });

  it('refuses bad fields with VALIDATION_FAILED naming each, and what is no object with MALFORMED_REQUEST', async () => {
    const invalid: unknown = await ask({ quietSeconds: -1, limit: 0 }).catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(YardError);
    expect((invalid as YardError).code).toBe(ErrorCode.ValidationFailed);
    expect((invalid as YardError).fieldErrors?.map((fieldError) => fieldError.field)).toEqual(['quietSeconds', 'limit']);
    await expect(ask('all')).rejects.toMatchObject({ code: ErrorCode.MalformedRequest });
  });

  it('stops answering when the projection shuts down', async () => {
    await projection.stop();

    await expect(ask({ quietSeconds: 0, limit: 1 })).rejects.toMatchObject({ code: ErrorCode.ServiceUnavailable });
  });
});
