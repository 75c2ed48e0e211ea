import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceProcess, waitFor } from '@yardmaster/testing';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(120_000);

/** A user's module as an engineer would write it: one grouping, two jobs, importing the SDK by its package name. */
const GREETINGS_TS = `
import { Job, stringVar, type JobContext, type JobData } from '@yardmaster/job-sdk';

export const grouping = 'Greetings from a file';

const variables = { name: stringVar({ label: 'Name', default: 'world' }) };

export class Greet extends Job<typeof variables> {
  static override readonly meta = { name: 'Greet', description: 'Says hello from JOBS_ROOT' };
  static override readonly variables = variables;

  run(data: JobData<typeof variables>, context: JobContext): { greeting: string } {
    context.logger.info(\`Hello, \${data.name}\`);
    return { greeting: \`Hello, \${data.name}, from a file\` };
  }
}

export class Farewell extends Job {
  static override readonly meta = { name: 'Farewell' };
  run(): string {
    return 'bye';
  }
}
`;

const GREET = 'greetings.Greet';

describe('the catalog of the user’s own jobs (JOBS_ROOT), reloaded without a restart', () => {
  let stack: YardmasterStack;
  let jobsRoot: string;
  let builtinJobs: number;
  let runId: string;

  beforeAll(async () => {
    jobsRoot = mkdtempSync(join(tmpdir(), 'yard-e2e-jobs-'));
    stack = await YardmasterStack.start({ JOBS_ROOT: jobsRoot });
    builtinJobs = (await stack.getJson('/api/jobs?installed=true')).body.total;
  });

  afterAll(async () => {
    await stack?.stop();
    if (jobsRoot) rmSync(jobsRoot, { recursive: true, force: true });
  });

  /** Waits until the read model shows the job as `predicate` wants it. */
  async function waitForJob(jobId: string, predicate: (job: any) => boolean, what: string): Promise<any> {
    return waitFor(
      async () => {
        const { status, body } = await stack.getJson(`/api/jobs/${jobId}`);
        return status === 200 && predicate(body) ? body : undefined;
      },
      15_000,
      `${jobId}: ${what}`,
    );
  }

  it('lists a job dropped into JOBS_ROOT after POST /api/catalog/reload, reports a broken module, and runs the job', async () => {
    expect((await stack.getJson(`/api/jobs/${GREET}`)).status).toBe(404);
    writeFileSync(join(jobsRoot, 'greetings.ts'), GREETINGS_TS);
    writeFileSync(join(jobsRoot, 'broken.ts'), "import { Job } from '@yardmaster/job-sdk';\nexport class Broken extends Job {\n");

    const correlationId = `e2e-reload-${randomUUID()}`;
    const reloaded = await fetch(`${stack.apiUrl}/api/catalog/reload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.adminToken}`, 'content-type': 'application/json', 'x-correlation-id': correlationId },
      body: '{}',
    });
    const reload = { status: reloaded.status, body: (await reloaded.json()) as { collectors: unknown[] } };
    expect(reload.status).toBe(200);
    expect(reload.body.collectors).toEqual([
      {
        collectorId: expect.stringMatching(/^collector@/),
        jobs: builtinJobs + 2,
        failedModules: [{ file: join(jobsRoot, 'broken.ts'), error: expect.stringContaining('it does not compile') }],
      },
    ]);
    // The collector's line about it: JSON, with the correlation id the request came with.
    expect(stack.service('collector').logLines).toContainEqual(
      expect.objectContaining({ level: 'error', msg: 'Job module was not loaded', file: join(jobsRoot, 'broken.ts'), service: 'collector', correlationId }),
    );

    const job = await waitForJob(GREET, (body) => body.installed === true, 'installed');
    expect(job).toMatchObject({ id: GREET, name: 'Greet', description: 'Says hello from JOBS_ROOT', grouping: 'Greetings from a file', steps: ['run'] });
    expect(job.variables.map((variable: { name: string }) => variable.name)).toEqual(['name']);
    await waitForJob('greetings.Farewell', (body) => body.installed === true, 'installed');

    // The scheduler reads the newest announcement (cached for a second): retry until it knows the job.
    runId = await waitFor(
      async () => {
        const accepted = await stack.post(`/api/jobs/${GREET}/runs`, JSON.stringify({ data: { name: 'yard' } }));
        return accepted.status === 202 ? (accepted.body.runId as string) : undefined;
      },
      10_000,
      `a run of ${GREET} to be accepted`,
    );
    const run = await stack.waitForRunToEnd(runId);
    expect(run).toMatchObject({ jobId: GREET, status: 'completed', result: { greeting: 'Hello, yard, from a file' } });
    expect((await stack.logsOf(runId)).map((entry) => entry.message)).toEqual(['Hello, yard']);
  });

  it('marks the job installed: false once its file is gone and the catalog is reloaded; its run stays listed', async () => {
    rmSync(join(jobsRoot, 'greetings.ts'));
    rmSync(join(jobsRoot, 'broken.ts'));

    const reload = await stack.post('/api/catalog/reload', '{}');
    expect(reload.status).toBe(200);
    expect(reload.body.collectors).toEqual([{ collectorId: expect.stringMatching(/^collector@/), jobs: builtinJobs, failedModules: [] }]);

    await waitForJob(GREET, (body) => body.installed === false, 'not installed');
    await waitForJob('greetings.Farewell', (body) => body.installed === false, 'not installed');
    expect((await stack.getJson('/api/jobs/examples.HelloWorld')).body.installed).toBe(true);
    const uninstalled = (await stack.getJson('/api/jobs?installed=false')).body.items.map((item: { id: string }) => item.id);
    expect(uninstalled).toEqual(expect.arrayContaining([GREET, 'greetings.Farewell']));

    const runs = (await stack.getJson(`/api/runs?jobId=${GREET}`)).body;
    expect(runs.total).toBe(1);
    expect(runs.items[0]).toMatchObject({ id: runId, status: 'completed' });

    const refused = await waitFor(
      async () => {
        const response = await stack.post(`/api/jobs/${GREET}/runs`, JSON.stringify({ data: {} }));
        return response.status === 202 ? Promise.reject(new Error('a run of an uninstalled job was accepted')) : response.status === 404 ? response : undefined;
      },
      10_000,
      `a run of ${GREET} to be refused`,
    );
    expect(refused.body.code).toBe('JOB_NOT_FOUND');
  });

  it('reloads every collector: each answers', async () => {
    const second = stack.startCollector('collector-b');
    await waitFor(async () => (second.logLines.some((line) => line.msg === 'Announced the catalog') ? true : undefined), 30_000, 'the second collector to announce its catalog');

    const reload = await stack.post('/api/catalog/reload', '{}');
    expect(reload.status).toBe(200);
    expect(reload.body.collectors).toHaveLength(2);
    expect(reload.body.collectors).toEqual(
      expect.arrayContaining([
        { collectorId: 'collector-b', jobs: builtinJobs, failedModules: [] },
        { collectorId: expect.stringMatching(/^collector@/), jobs: builtinJobs, failedModules: [] },
      ]),
    );
  });

  it('answers 503 SERVICE_UNAVAILABLE when no collector answers', async () => {
    await Promise.all([stack.service('collector').stop(), stack.service('collector:collector-b').stop()]);
    // Stopped by SIGTERM, each said why before its connections closed.
    expect(stack.service('collector').logLines).toContainEqual(expect.objectContaining({ msg: 'shutting down', signal: 'SIGTERM' }));
    const reload = await stack.post('/api/catalog/reload', '{}');
    expect(reload.status).toBe(503);
    expect(reload.body.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('refuses to start a collector whose JOBS_ROOT is not a readable directory', async () => {
    const missing = join(jobsRoot, 'missing');
    const collector = ServiceProcess.start('collector', { JOBS_ROOT: missing });
    await waitFor(async () => (collector.isRunning ? undefined : true), 15_000, 'the collector to exit');
    expect(await collector.stop()).toBe(78);
    expect(collector.logs).toContain(`JOBS_ROOT=${JSON.stringify(missing)}: expected a readable directory`);
  });
});
