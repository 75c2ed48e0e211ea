import { Client, Connection } from '@temporalio/client';
import { testDependencies } from '@yardmaster/testing';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(120_000);

const HELLO_WORLD = 'examples.HelloWorld';

function isJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

describe('running a job through the REST API', () => {
  let stack: YardmasterStack;
  let temporal: Client;

  beforeAll(async () => {
    // A stack of its own, not the shared one: it reads each service's own log lines, which only its processes give.
    stack = await YardmasterStack.start();
    temporal = new Client({ connection: await Connection.connect({ address: testDependencies.temporalAddress }), namespace: testDependencies.temporalNamespace });
  });

  afterAll(async () => {
    await temporal?.connection.close();
    await stack?.stop();
  });

  it('reports every dependency and service healthy', async () => {
    const { status, body } = await stack.getJson('/api/health');
    expect(status).toBe(200);
    const ok = { status: 'ok' };
    expect(body.checks).toMatchObject({ api: ok, postgres: ok, nats: ok, temporal: ok, scheduler: ok, collector: ok, projection: ok });
  });

  it('lists the catalog with Hello World and its variables', async () => {
    const { body } = await stack.getJson(`/api/jobs/${HELLO_WORLD}`);
    expect(body).toMatchObject({ id: HELLO_WORLD, name: 'Hello World', installed: true, steps: ['run'] });
    expect(body.variables.map((variable: { name: string }) => variable.name)).toEqual(['name', 'count']);
    expect(body.schema.properties.count).toMatchObject({ type: 'integer', minimum: 1, maximum: 100, default: 3 });
    expect(body.schema.required).toEqual(['name']);
  });

  it('runs Hello World to completion with its log and result, as a Temporal workflow', async () => {
    const accepted = await stack.post(`/api/jobs/${HELLO_WORLD}/runs`, JSON.stringify({ data: { name: 'yard', count: 3 } }));
    expect(accepted.status).toBe(202);
    expect(accepted.headers.get('location')).toBe(`/api/runs/${accepted.body.runId}`);
    expect(accepted.body).toMatchObject({ jobId: HELLO_WORLD, status: 'queued', data: { name: 'yard', count: 3 }, commit: true });

    const run = await stack.waitForRunToEnd(accepted.body.runId, 10_000);
    expect(run).toMatchObject({ status: 'completed', result: { greeting: 'Hello, yard' }, attempt: 1, error: null, workflowId: `run-${run.id}` });
    expect(Date.parse(run.createdAt)).toBeLessThanOrEqual(Date.parse(run.startedAt));
    expect(Date.parse(run.startedAt)).toBeLessThanOrEqual(Date.parse(run.completedAt));
    expect(run.temporalUrl).toContain(`/workflows/run-${run.id}`);

    const logs = (await stack.getJson(`/api/runs/${run.id}/logs`)).body;
    expect(logs.items.map((entry: { level: string; grouping: string; message: string }) => [entry.level, entry.grouping, entry.message])).toEqual([
      ['info', 'run', 'Hello, yard (1 of 3)'],
      ['info', 'run', 'Hello, yard (2 of 3)'],
      ['info', 'run', 'Hello, yard (3 of 3)'],
      ['success', 'run', 'Greeted yard 3 times'],
    ]);
    expect((await stack.getJson(`/api/runs/${run.id}/logs?level=success`)).body.total).toBe(1);

    const description = await temporal.workflow.getHandle(run.workflowId).describe();
    expect(description.status.name).toBe('COMPLETED');
    expect(description.taskQueue).toBe(`${stack.instance}-runs-default`);
  });

  it('groups log entries by step: run, each test_*, then post_run', async () => {
    const accepted = await stack.post('/api/jobs/examples.InterfaceAudit/runs', JSON.stringify({ data: { device: 'edge-9' } }));
    const run = await stack.waitForRunToEnd(accepted.body.runId);
    expect(run.status).toBe('completed');
    const logs = (await stack.getJson(`/api/runs/${run.id}/logs`)).body.items as Array<{ grouping: string; level: string }>;
    const groupings = logs.map((entry) => entry.grouping).filter((grouping, index, all) => all.indexOf(grouping) === index);
    expect(groupings).toEqual(['run', 'test_mtu', 'test_descriptions', 'post_run']);
    expect(logs.filter((entry) => entry.level === 'warning')).toHaveLength(1);
  });

  it('ends failed when the job logs a failure, and errored with the message kept when it throws', async () => {
    const failing = await stack.post('/api/jobs/examples.FailOnPurpose/runs', JSON.stringify({ data: { outcome: 'fail', reason: 'bad MTU' } }));
    const erroring = await stack.post('/api/jobs/examples.FailOnPurpose/runs', JSON.stringify({ data: { outcome: 'error', reason: 'device unreachable' } }));

    const failed = await stack.waitForRunToEnd(failing.body.runId);
    expect(failed).toMatchObject({ status: 'failed', failureCount: 1, error: null });

    const errored = await stack.waitForRunToEnd(erroring.body.runId);
    expect(errored).toMatchObject({ status: 'errored', error: { message: 'Erroring on purpose: device unreachable', step: 'run' } });
    const erroredLogs = (await stack.getJson(`/api/runs/${errored.id}/logs`)).body.items as Array<{ grouping: string; message: string }>;
    expect(erroredLogs.at(-1)).toMatchObject({ grouping: 'post_run', message: 'post_run ran' });

    // The collector's line about the job's error: its code and message on one line, no stack.
    const failedStep = stack.service('collector').logLines.find((line) => line.msg === 'Activity failed' && line.runId === errored.id);
    expect(failedStep).toMatchObject({ level: 'warn', code: 'JobCodeError', error: 'Erroring on purpose: device unreachable' });
    expect(failedStep).not.toHaveProperty('err');
  });

  it('refuses bad requests with a clear error and creates no run', async () => {
    const before = (await stack.getJson(`/api/runs?jobId=${HELLO_WORLD}`)).body.total;

    const zero = await stack.post(`/api/jobs/${HELLO_WORLD}/runs`, JSON.stringify({ data: { name: 'yard', count: 0 } }));
    expect(zero.status).toBe(400);
    expect(zero.body).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ field: 'data.count', message: 'must be at least 1' }] });

    const missing = await stack.post(`/api/jobs/${HELLO_WORLD}/runs`, JSON.stringify({ data: { count: 2, colour: 'red' } }));
    expect(missing.status).toBe(400);
    expect(missing.body.fieldErrors).toEqual(
      expect.arrayContaining([
        { field: 'data.name', message: 'is required' },
        { field: 'data.colour', message: 'is not a variable of this job' },
      ]),
    );

    const unknown = await stack.post('/api/jobs/examples.NoSuchJob/runs', JSON.stringify({ data: {} }));
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('JOB_NOT_FOUND');

    const malformed = await stack.post(`/api/jobs/${HELLO_WORLD}/runs`, '{"data": {');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('MALFORMED_REQUEST');

    // Give a wrongly accepted run time to reach the read model before counting.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await stack.getJson(`/api/runs?jobId=${HELLO_WORLD}`)).body.total).toBe(before);
  });

  it('holds GET /api/runs/{id}?waitForEnd= until the run has ended, and answers it ended', async () => {
    const accepted = await stack.post('/api/jobs/examples.SlowCount/runs', JSON.stringify({ data: { seconds: 3 } }));
    expect(accepted.status).toBe(202);
    const runId: string = accepted.body.runId;
    // Once the projection has written the run: before that it is not found, with or without a wait.
    let written = await stack.getJson(`/api/runs/${runId}`);
    for (let tries = 0; written.status === 404 && tries < 200; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      written = await stack.getJson(`/api/runs/${runId}`);
    }
    expect(written.body.status).not.toBe('completed');

    const waited = await stack.getJson(`/api/runs/${runId}?waitForEnd=30`);

    expect(waited.status).toBe(200);
    expect(waited.body).toMatchObject({ id: runId, status: 'completed', error: null });
    expect(waited.body.completedAt).not.toBeNull();
    expect((await stack.getJson(`/api/runs/${runId}?waitForEnd=61`)).body.code).toBe('VALIDATION_FAILED');
  });

  it('answers 404 for an unknown run and 400 for a bad filter', async () => {
    expect((await stack.getJson('/api/runs/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await stack.getJson('/api/runs/not-a-uuid')).body.code).toBe('RUN_NOT_FOUND');
    expect((await stack.getJson('/api/runs?status=sleeping')).status).toBe(400);
  });

  it('every service writes its log as JSON lines: level, time, message, and its name', () => {
    for (const name of ['api', 'scheduler', 'collector', 'projection'] as const) {
      const lines = stack.service(name).logs.split('\n').filter((line) => line.trim() !== '');
      const notJson = lines.filter((line) => !isJson(line));
      expect({ name, notJson }).toEqual({ name, notJson: [] });
      expect(lines.length).toBeGreaterThan(0);
      const incomplete = lines
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((line) => typeof line.level !== 'string' || typeof line.time !== 'string' || typeof line.msg !== 'string' || line.service !== name);
      expect({ name, incomplete }).toEqual({ name, incomplete: [] });
    }
  });

  it('serves the OpenAPI document', async () => {
    const { status, body } = await stack.getJson('/api/docs-json');
    expect(status).toBe(200);
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/jobs', '/api/jobs/{jobId}', '/api/jobs/{jobId}/runs', '/api/runs', '/api/runs/{runId}', '/api/runs/{runId}/logs', '/api/health']));
  });
});
