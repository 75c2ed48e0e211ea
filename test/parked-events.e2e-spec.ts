import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { newEvent, subjectsFor } from '@yardmaster/contracts';
import { connectNats, EventPublisher, type NatsConnection } from '@yardmaster/messaging';
import { testDependencies, waitFor } from '@yardmaster/testing';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(120_000);

/** The built CLI, run as a user runs it. */
const CLI = join(__dirname, '..', 'apps', 'cli', 'dist', 'main.js');

function yard(stack: YardmasterStack, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, YARD_URL: stack.apiUrl, YARD_TOKEN: stack.adminToken, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('parked events through REST and the CLI', () => {
  let stack: YardmasterStack;
  let nc: NatsConnection;
  let publisher: EventPublisher;

  beforeAll(async () => {
    stack = await YardmasterStack.start({ YARD_PROJECTION_MAX_DELIVERIES: '2' });
    nc = await connectNats(testDependencies.natsUrl, `parked-e2e-${stack.instance}`);
    publisher = new EventPublisher(nc);
  });

  afterAll(async () => {
    await nc?.drain();
    await stack?.stop();
  });

  async function publishRunEvent(runId: string, type: 'run.step_started' | 'run.requested', data: object): Promise<void> {
    const at = new Date().toISOString();
    const kind = type.slice('run.'.length);
    const event = newEvent({ id: randomUUID(), type, aggregateId: runId, actor: 'admin', occurredAt: at, sequence: 1, correlationId: randomUUID(), data });
    await publisher.publish(subjectsFor(stack.instance).runEvent(runId, kind), event);
  }

  it('parks a poison event, shows the projection degraded (200), lists it, refuses a replay until fixed, then replays it', async () => {
    // A step of a run nobody requested: the projection cannot apply it until the run exists.
    const runId = randomUUID();
    await publishRunEvent(runId, 'run.step_started', { step: 'run', attempt: 1, maxAttempts: 3, worker: 'collector-e2e' });

    const health = await waitFor(
      async () => {
        const response = await fetch(`${stack.apiUrl}/api/health`);
        const body = (await response.json()) as { status: string; checks: { projection: { status: string } } };
        return body.checks.projection.status === 'degraded' ? { status: response.status, body } : undefined;
      },
      30_000,
      'the projection to report a parked event',
    );
    expect(health).toEqual({ status: 200, body: expect.objectContaining({ status: 'degraded', checks: expect.objectContaining({ projection: expect.objectContaining({ status: 'degraded', reason: '1 parked' }) }) }) });

    const listed = await stack.admin.getJson('/api/parked-events');
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(1);
    const [parked] = listed.body.items;
    expect(parked).toMatchObject({ eventType: 'run.step_started', runId, deliveries: 2, sequence: expect.any(Number), reason: expect.stringContaining('before any event created it') });

    const cliList = await yard(stack, ['parked']);
    expect(cliList.code).toBe(0);
    expect(cliList.stdout).toContain('run.step_started');
    expect(cliList.stdout).toContain(runId);

    const tooEarly = await yard(stack, ['parked', 'replay', String(parked.id)]);
    expect(tooEarly.code).toBe(11);
    expect(tooEarly.stderr).toContain('(REPLAY_FAILED, HTTP 422)');

    // The cause goes away: the run exists once its request is projected.
    await publishRunEvent(runId, 'run.requested', {
      jobId: 'examples.HelloWorld',
      jobName: 'Hello World',
      data: {},
      commit: true,
      queue: 'default',
      requestedBy: 'admin',
      workflowId: `run-${runId}`,
      requestedAt: new Date().toISOString(),
    });
    await waitFor(async () => ((await stack.admin.getJson(`/api/runs/${runId}`)).status === 200 ? true : undefined), 20_000, 'the run to be projected');

    const replayed = await yard(stack, ['parked', 'replay', '--all']);
    expect(replayed).toMatchObject({ code: 0, stdout: `Replayed ${parked.id}\n` });
    expect((await stack.admin.getJson('/api/parked-events')).body).toEqual({ items: [], total: 0 });
    const healthy = await fetch(`${stack.apiUrl}/api/health`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toMatchObject({ status: 'ok' });
    expect((await stack.admin.getJson('/api/audit?action=parked.replayed')).body.items).toEqual([
      expect.objectContaining({ actor: 'admin', action: 'parked.replayed', targetType: 'parked-event', targetId: String(parked.id) }),
    ]);

    const gone = await stack.admin.request('POST', `/api/parked-events/${parked.id}/replay`);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('PARKED_EVENT_NOT_FOUND');
  });
});
