/**
 * A Postgres outage as the projection meets it: a PostgreSQL server of the test's own is stopped while events
 * arrive and started again. The events wait (held, retried with backoff, never parked), the outage is logged once
 * when it starts and once when it ends with the counts (not a line per event and try), and every event is applied
 * after recovery.
 */
import 'reflect-metadata';
import type { LoggerService } from '@nestjs/common';
import { newEvent } from '@yardmaster/contracts';
import { countParked } from '@yardmaster/messaging';
import { OwnPostgresServer, waitFor } from '@yardmaster/testing';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { startProjectionOnOwnInstance, type ProjectionOnOwnInstance } from '../test-support/projection-on-own-instance';

jest.setTimeout(120_000);

const EVENTS_DURING_OUTAGE = 20;

/** Every warning and error the projection writes (its fields, message and context), as `level context: message {fields}`. */
const lines: string[] = [];
const asLine = (level: string, fields: unknown, rest: unknown[]) => `${level} ${String(rest.at(-1))}: ${String(rest[0])} ${JSON.stringify(fields)}`;
const capture: LoggerService = {
  log: () => undefined,
  warn: (fields: unknown, ...rest: unknown[]) => void lines.push(asLine('warn', fields, rest)),
  error: (fields: unknown, ...rest: unknown[]) => void lines.push(asLine('error', fields, rest)),
};
/** The projection's "back" line is a log, not a warning: caught apart, by its fields. */
const backLines: Array<Record<string, unknown>> = [];

let server: OwnPostgresServer;
let projection: ProjectionOnOwnInstance;

beforeAll(async () => {
  server = await OwnPostgresServer.start();
  capture.log = (fields: unknown, message?: unknown) => {
    if (message === 'Dependency is back') backLines.push(fields as Record<string, unknown>);
  };
  projection = await startProjectionOnOwnInstance('pgout', { databaseServerUrl: server.url(), logger: capture });
});

afterAll(async () => {
  // A test that failed mid-outage leaves the server stopped: started again, so that the database can be dropped.
  if (server && !server.isRunning) await server.start();
  await projection?.remove();
  await server?.dispose();
});

async function requestRun(runId: string): Promise<void> {
  const at = new Date().toISOString();
  await projection.publisher.publish(
    projection.subjects.runEvent(runId, 'requested'),
    newEvent({
      id: randomUUID(),
      type: 'run.requested',
      aggregateId: runId,
      actor: 'alice',
      occurredAt: at,
      sequence: 1,
      correlationId: `corr-${runId}`,
      data: { jobId: 'examples.HelloWorld', jobName: 'Hello', data: {}, commit: true, queue: 'default', requestedBy: 'alice', workflowId: `run-${runId}`, requestedAt: at },
    }),
  );
}

async function projectedCount(runIds: readonly string[]): Promise<number> {
  const rows: Array<{ count: string }> = await projection.db.dataSource.query(`SELECT count(*) AS count FROM job_runs WHERE id = ANY($1::uuid[])`, [runIds]);
  return Number(rows[0].count);
}

describe('the projection while Postgres is down', () => {
  it('holds the events with backoff, logs the outage once at each end, and applies everything after recovery', async () => {
    const first = randomUUID();
    await requestRun(first);
    await waitFor(async () => ((await projectedCount([first])) === 1 ? true : undefined), 10_000, 'the first run to be projected');

    await server.stop('immediate');
    const runIds = Array.from({ length: EVENTS_DURING_OUTAGE }, () => randomUUID());
    for (const runId of runIds) await requestRun(runId);
    await waitFor(async () => (lines.some((line) => line.includes('cannot be reached')) ? true : undefined), 20_000, 'the outage to be noticed');
    // Long enough for a retry every second per event to have written dozens of lines.
    await sleep(6_000);
    await server.start();

    await waitFor(async () => ((await projectedCount(runIds).catch(() => 0)) === EVENTS_DURING_OUTAGE ? true : undefined), 60_000, 'every waiting run to be projected');
    await waitFor(async () => (backLines.length > 0 ? true : undefined), 10_000, 'the end of the outage to be logged');

    const outageLines = lines.filter((line) => line.includes('PostgreSQL'));
    expect(outageLines.length).toBeGreaterThanOrEqual(1);
    // Once when it starts (a pooled connection cut by the restart may open one more short outage).
    expect(outageLines.length).toBeLessThanOrEqual(2);
    expect(lines.length).toBeLessThanOrEqual(4);
    expect(lines.filter((line) => line.includes('Event failed'))).toEqual([]);
    expect(backLines[0]).toEqual({ dependency: 'PostgreSQL', outageSeconds: expect.any(Number), heldEvents: expect.any(Number), retries: expect.any(Number) });
    await expect(countParked(projection.nc, projection.streams.parked)).resolves.toBe(0);
  });
});
