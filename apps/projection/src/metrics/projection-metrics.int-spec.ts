/**
 * The projection's metrics over the real NATS server and Postgres: its /metrics answers in Prometheus's text
 * format, and a run's events, applied once, move the run counters, the histograms, the log lines and the gauges.
 */
import 'reflect-metadata';
import { newEvent, runEventKind, type RunEvent } from '@yardmaster/contracts';
import { MetricsServer } from '@yardmaster/messaging';
import { sampleOf, scrapeMetrics, waitFor } from '@yardmaster/testing';
import { randomUUID } from 'node:crypto';
import { startProjectionOnOwnInstance, type ProjectionOnOwnInstance } from '../test-support/projection-on-own-instance';

jest.setTimeout(60_000);

const JOB = 'examples.HelloWorld';

let projection: ProjectionOnOwnInstance;
let metricsUrl: string;

beforeAll(async () => {
  // Port 0 handed over directly: a free port of the system's choosing.
  projection = await startProjectionOnOwnInstance('metrics', { adjust: (config) => ({ ...config, metrics: { host: '127.0.0.1', port: 0 } }) });
  metricsUrl = `http://127.0.0.1:${projection.app?.get(MetricsServer).address?.port}/metrics`;
});

afterAll(() => projection?.remove());

/** Resolves to the event's id. */
async function publishRun<TType extends RunEvent['type']>(type: TType, runId: string, data: Extract<RunEvent, { type: TType }>['data'], occurredAt: Date): Promise<string> {
  const id = `${runId}:${type}:${randomUUID()}`;
  await projection.publisher.publish(
    projection.subjects.runEvent(runId, runEventKind(type)),
    newEvent({ id, type, aggregateId: runId, actor: 'alice', data, occurredAt: occurredAt.toISOString(), sequence: 1, correlationId: `corr-${id}` }),
  );
  return id;
}

function requestRun(runId: string, queue: string, at: Date): Promise<string> {
  const data = { jobId: JOB, jobName: 'Hello', data: {}, commit: true, queue, requestedBy: 'alice', workflowId: `run-${runId}`, requestedAt: at.toISOString() };
  return publishRun('run.requested', runId, data, at);
}

function scrape(): Promise<string> {
  return scrapeMetrics(metricsUrl);
}

/** Applied, or recorded as applied without effect (an event the run's row refused). */
async function waitApplied(eventId: string): Promise<void> {
  await waitFor(
    async () => ((await projection.db.dataSource.query('SELECT 1 FROM applied_events WHERE event_id = $1', [eventId])).length > 0 ? true : undefined),
    10_000,
    `event ${eventId} to be applied`,
  );
}

async function runStatus(runId: string): Promise<string | undefined> {
  const rows: Array<{ status: string }> = await projection.db.dataSource.query('SELECT status FROM job_runs WHERE id = $1', [runId]);
  return rows[0]?.status;
}

describe('the projection at /metrics', () => {
  it('names every metric it owns, in Prometheus text format, with the process metrics beside them', async () => {
    const text = await scrape();
    for (const name of [
      'yard_runs_total',
      'yard_run_duration_seconds',
      'yard_run_queue_wait_seconds',
      'yard_log_lines_projected_total',
      'yard_runs_queued',
      'yard_runs_running',
      'yard_projection_lag_events',
      'yard_projection_unacked_events',
      'yard_parked_events',
      'yard_nats_disconnects_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    expect(sampleOf(text, 'yard_parked_events', { service: 'projection' })).toBe(0);
    expect(sampleOf(text, 'yard_projection_lag_events', { consumer: projection.streams.projectionConsumer, stream: projection.streams.runs })).toBe(0);
  });

  it("moves with a run's events: queued and running by queue, then counted by job and outcome with its queue wait, duration and log lines (single and batched)", async () => {
    const queue = 'metrics';
    const runId = randomUUID();
    const requestedAt = new Date(Date.now() - 10_000);
    await requestRun(runId, queue, requestedAt);
    await waitFor(async () => ((await runStatus(runId)) === 'queued' ? true : undefined), 10_000, 'the run to be queued');
    expect(sampleOf(await scrape(), 'yard_runs_queued', { queue })).toBe(1);

    const startedAt = new Date(requestedAt.getTime() + 2_000);
    await publishRun('run.started', runId, { jobId: JOB, workflowId: `run-${runId}`, attempt: 1 }, startedAt);
    for (const n of [1, 2, 3]) {
      await publishRun('run.log', runId, { level: 'info', grouping: 'run', message: `line ${n}`, object: null, attempt: 1, loggedAt: startedAt.toISOString() }, startedAt);
    }
    // Lines as the collector sends them now: a batch counts each of its entries.
    const entries = [4, 5, 6, 7].map((n) => ({ id: `${runId}:run:1:log:${n}`, sequence: n, level: 'info' as const, grouping: 'run', message: `line ${n}`, object: null, attempt: 1, loggedAt: startedAt.toISOString() }));
    await publishRun('run.log_batch', runId, { entries }, startedAt);
    await waitFor(async () => ((await runStatus(runId)) === 'running' ? true : undefined), 10_000, 'the run to be running');
    const running = await scrape();
    expect(sampleOf(running, 'yard_runs_running', { queue })).toBe(1);
    expect(sampleOf(running, 'yard_runs_queued', { queue })).toBeUndefined();
    expect(sampleOf(running, 'yard_run_queue_wait_seconds_count', { queue })).toBe(1);
    expect(sampleOf(running, 'yard_run_queue_wait_seconds_sum', { queue })).toBe(2);

    await publishRun('run.completed', runId, { result: { greeting: 'Hello' } }, new Date(startedAt.getTime() + 3_000));
    await waitFor(async () => ((await runStatus(runId)) === 'completed' ? true : undefined), 10_000, 'the run to complete');
    const ended = await scrape();
    expect(sampleOf(ended, 'yard_runs_total', { job: JOB, outcome: 'completed' })).toBe(1);
    expect(sampleOf(ended, 'yard_run_duration_seconds_count', { job: JOB, outcome: 'completed' })).toBe(1);
    expect(sampleOf(ended, 'yard_run_duration_seconds_sum', { job: JOB, outcome: 'completed' })).toBe(3);
    expect(sampleOf(ended, 'yard_run_duration_seconds_bucket', { le: '2.5', job: JOB, outcome: 'completed' })).toBe(0);
    expect(sampleOf(ended, 'yard_run_duration_seconds_bucket', { le: '5', job: JOB, outcome: 'completed' })).toBe(1);
    expect(sampleOf(ended, 'yard_log_lines_projected_total')).toBe(7);
    expect(sampleOf(ended, 'yard_runs_running', { queue })).toBeUndefined();
  });

  it('counts a run once when a second end or a start after the end arrives: the events its row refused observe nothing', async () => {
    const job = 'examples.Contradicted';
    const queue = 'metrics-contradicted';
    const runId = randomUUID();
    const requestedAt = new Date(Date.now() - 10_000);
    const startedAt = new Date(requestedAt.getTime() + 1_000);
    const endedAt = new Date(startedAt.getTime() + 2_000);
    const data = { jobId: job, jobName: 'Contradicted', data: {}, commit: true, queue, requestedBy: 'alice', workflowId: `run-${runId}`, requestedAt: requestedAt.toISOString() };
    await waitApplied(await publishRun('run.requested', runId, data, requestedAt));
    await waitApplied(await publishRun('run.started', runId, { jobId: job, workflowId: `run-${runId}`, attempt: 1 }, startedAt));
    await waitApplied(await publishRun('run.completed', runId, { result: null }, endedAt));

    // A second terminal event (another outcome, later) and a start dated after the end: the run keeps its end.
    await waitApplied(await publishRun('run.failed', runId, { result: null, failureCount: 1 }, new Date(endedAt.getTime() + 1_000)));
    await waitApplied(await publishRun('run.started', runId, { jobId: job, workflowId: `run-${runId}`, attempt: 2 }, new Date(endedAt.getTime() + 2_000)));
    expect(await runStatus(runId)).toBe('completed');

    const text = await scrape();
    expect(sampleOf(text, 'yard_runs_total', { job, outcome: 'completed' })).toBe(1);
    expect(sampleOf(text, 'yard_runs_total', { job, outcome: 'failed' })).toBeUndefined();
    expect(sampleOf(text, 'yard_run_duration_seconds_count', { job, outcome: 'completed' })).toBe(1);
    expect(sampleOf(text, 'yard_run_duration_seconds_count', { job, outcome: 'failed' })).toBeUndefined();
    expect(sampleOf(text, 'yard_run_queue_wait_seconds_count', { queue })).toBe(1);
    expect(sampleOf(text, 'yard_run_queue_wait_seconds_sum', { queue })).toBe(1);
  });
});
