import { Client, Connection } from '@temporalio/client';
import { testDependencies, waitFor } from '@yardmaster/testing';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(120_000);

const ENDED = ['completed', 'failed', 'errored', 'cancelled', 'timed_out'];
const isRunning = (run: any) => run.status === 'running';
const hasEnded = (run: any) => ENDED.includes(run.status);

describe('a run lifecycle that never lies', () => {
  let stack: YardmasterStack;
  let temporal: Client;

  beforeAll(async () => {
    // A short heartbeat timeout and a quick reconciler keep the dead-worker and reconciliation cases brief.
    stack = await YardmasterStack.start({ YARD_HEARTBEAT_TIMEOUT_SECONDS: '3', YARD_RECONCILE_INTERVAL_SECONDS: '2' });
    temporal = new Client({ connection: await Connection.connect({ address: testDependencies.temporalAddress }), namespace: testDependencies.temporalNamespace });
  });

  afterAll(async () => {
    await temporal?.connection.close();
    await stack?.stop();
  });

  describe('cancellation', () => {
    it('stops a running job, still runs post_run, records who cancelled, and refuses a second cancel', async () => {
      const runId = await stack.startRun('examples.SlowCount', { data: { seconds: 30 } });
      await stack.waitForRun(runId, (run) => isRunning(run) && run.progress?.done >= 1, 'counting');

      const cancel = await stack.post(`/api/runs/${runId}/cancel`, '');
      expect(cancel.status).toBe(202);
      expect(cancel.body).toMatchObject({ runId, cancelRequestedBy: 'admin' });

      const run = await stack.waitForRun(runId, hasEnded, 'to end', 10_000);
      expect(run).toMatchObject({ status: 'cancelled', cancelledBy: 'admin', cancelRequestedBy: 'admin' });
      expect(run.result).toBeNull();
      const logs = await stack.logsOf(runId);
      expect(logs.at(-1)).toMatchObject({ grouping: 'post_run', message: 'post_run: released the device session' });
      expect(logs.some((entry) => entry.message === 'The run was cancelled by admin during step run')).toBe(true);
      // The job honoured its signal: it did not count on to 30.
      expect(logs.filter((entry) => entry.message.startsWith('Counted')).length).toBeLessThan(30);

      const again = await stack.post(`/api/runs/${runId}/cancel`, '');
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('RUN_ALREADY_FINISHED');
      expect((await stack.getJson(`/api/runs/${runId}`)).body.status).toBe('cancelled');
      expect((await temporal.workflow.getHandle(run.workflowId).describe()).status.name).toBe('CANCELLED');
    });

    it('shows a cancellation made in Temporal itself (Web UI, CLI) the same way', async () => {
      const runId = await stack.startRun('examples.SlowCount', { data: { seconds: 30 } });
      const run = await stack.waitForRun(runId, isRunning, 'running');
      await temporal.workflow.getHandle(run.workflowId).cancel();
      const ended = await stack.waitForRun(runId, hasEnded, 'to end', 10_000);
      expect(ended).toMatchObject({ status: 'cancelled', cancelledBy: 'temporal' });
      expect((await stack.logsOf(runId)).at(-1)).toMatchObject({ grouping: 'post_run' });
    });

    it('answers 404 for a run that does not exist', async () => {
      const response = await stack.post('/api/runs/00000000-0000-4000-8000-000000000000/cancel', '');
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('RUN_NOT_FOUND');
    });
  });

  describe('a future start', () => {
    it('keeps a run scheduled until its start time, then runs it', async () => {
      const startAt = new Date(Date.now() + 4_000).toISOString();
      const accepted = await stack.post('/api/jobs/examples.HelloWorld/runs', JSON.stringify({ data: { name: 'later' }, startAt }));
      expect(accepted.status).toBe(202);
      expect(accepted.body.status).toBe('scheduled');
      const scheduled = await stack.waitForRun(accepted.body.runId, (run) => run.status === 'scheduled', 'scheduled');
      expect(scheduled.startedAt).toBeNull();
      const run = await stack.waitForRun(accepted.body.runId, hasEnded, 'to end', 20_000);
      expect(run.status).toBe('completed');
      expect(Date.parse(run.startedAt)).toBeGreaterThanOrEqual(Date.parse(startAt) - 1_000);
    });

    it('cancels a scheduled run before it starts: no step, no post_run', async () => {
      const startAt = new Date(Date.now() + 15_000).toISOString();
      const runId = (await stack.post('/api/jobs/examples.SlowCount/runs', JSON.stringify({ data: { seconds: 5 }, startAt }))).body.runId;
      await stack.waitForRun(runId, (run) => run.status === 'scheduled', 'scheduled');
      expect((await stack.post(`/api/runs/${runId}/cancel`, '')).status).toBe(202);
      const run = await stack.waitForRun(runId, hasEnded, 'to end', 30_000);
      expect(run).toMatchObject({ status: 'cancelled', cancelledBy: 'admin', steps: {} });
      expect(await stack.logsOf(runId)).toEqual([]);
    });

    it('refuses a start time in the past', async () => {
      const response = await stack.post('/api/jobs/examples.HelloWorld/runs', JSON.stringify({ data: { name: 'x' }, startAt: '2020-01-01T00:00:00Z' }));
      expect(response.status).toBe(400);
      expect(response.body.fieldErrors[0].field).toBe('startAt');
    });
  });

  describe('timeouts', () => {
    it('ends a job with a 2 s timeout that sleeps 10 s as timed_out, says which step was cut off, and runs post_run', async () => {
      const runId = await stack.startRun('examples.Deadline');
      const run = await stack.waitForRun(runId, hasEnded, 'to end');
      expect(run.status).toBe('timed_out');
      expect(run.error).toMatchObject({ type: 'RunTimeout', step: 'run', message: 'The run timed out after 2 s; step run was cut off' });
      const logs = await stack.logsOf(runId);
      expect(logs).toEqual(expect.arrayContaining([expect.objectContaining({ level: 'failure', grouping: 'run', message: run.error.message })]));
      expect(logs.at(-1)).toMatchObject({ grouping: 'post_run', message: 'post_run: cleaned up after the timeout' });
    });

    it('lets a request lower the timeout but not raise it', async () => {
      const lowered = await stack.startRun('examples.SlowCount', { data: { seconds: 10 }, runTimeoutSeconds: 1 });
      expect((await stack.waitForRun(lowered, hasEnded, 'to end')).status).toBe('timed_out');

      const raised = await stack.post('/api/jobs/examples.Deadline/runs', JSON.stringify({ runTimeoutSeconds: 60 }));
      expect(raised.status).toBe(400);
      expect(raised.body.fieldErrors).toEqual([{ field: 'runTimeoutSeconds', message: "must be a whole number of seconds from 1 to 2, the job's timeout" }]);
    });
  });

  describe('retries', () => {
    it('retries infrastructure faults and completes on attempt 3, logging the error of each failed attempt', async () => {
      const runId = await stack.startRun('examples.FlakyDevice', { data: { failures: 2 } });
      const run = await stack.waitForRun(runId, hasEnded, 'to end');
      expect(run).toMatchObject({ status: 'completed', attempt: 3, result: { answeredOnAttempt: 3 } });
      const messages = (await stack.logsOf(runId)).map((entry) => `${entry.attempt} ${entry.level} ${entry.message}`);
      expect(messages).toEqual(
        expect.arrayContaining([
          '1 warning Attempt 1 of 3 of step run failed: edge-01 did not answer on attempt 1; it will be retried',
          '2 warning Attempt 2 of 3 of step run failed: edge-01 did not answer on attempt 2; it will be retried',
          '3 success edge-01 answered on attempt 3',
        ]),
      );
    });

    it('ends errored once the retry policy is spent', async () => {
      const runId = await stack.startRun('examples.FlakyDevice', { data: { failures: 5 } });
      const run = await stack.waitForRun(runId, hasEnded, 'to end');
      expect(run).toMatchObject({ status: 'errored', attempt: 3, error: { type: 'InfrastructureFault', message: 'edge-01 did not answer on attempt 3' } });
    });

    it('never retries an exception from job code', async () => {
      const runId = await stack.startRun('examples.FailOnPurpose', { data: { outcome: 'error' } });
      const run = await stack.waitForRun(runId, hasEnded, 'to end');
      expect(run).toMatchObject({ status: 'errored', attempt: 1 });
    });
  });

  describe('concurrency', () => {
    it('lets 20 concurrent requests for a singleton job yield one run and 19 answers of 409 naming it', async () => {
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => stack.post('/api/jobs/examples.DeviceBackup/runs', JSON.stringify({ data: { device: 'edge-42', seconds: 3 } }))),
      );
      const accepted = answers.filter((answer) => answer.status === 202);
      const refused = answers.filter((answer) => answer.status === 409);
      expect(accepted).toHaveLength(1);
      expect(refused).toHaveLength(19);
      for (const answer of refused) {
        expect(answer.body).toMatchObject({ code: 'CONCURRENCY_CONFLICT', details: { blockingRunId: accepted[0].body.runId } });
      }
      // Another device is another key: it runs alongside.
      expect((await stack.post('/api/jobs/examples.DeviceBackup/runs', JSON.stringify({ data: { device: 'edge-43', seconds: 1 } }))).status).toBe(202);

      // Once the run has ended, the next one is accepted.
      await stack.waitForRun(accepted[0].body.runId, hasEnded, 'to end');
      expect((await stack.post('/api/jobs/examples.DeviceBackup/runs', JSON.stringify({ data: { device: 'edge-42', seconds: 1 } }))).status).toBe(202);
    });

    it('keeps runs beyond a limit queued, and never runs more than the limit at once', async () => {
      const runIds = await Promise.all(Array.from({ length: 5 }, () => stack.startRun('examples.ConfigSweep', { data: { seconds: 2 } })));
      const queuedSeen = await waitFor(
        async () => {
          const runs = await Promise.all(runIds.map(async (runId) => (await stack.getJson(`/api/runs/${runId}`)).body));
          const running = runs.filter((run) => run.status === 'running').length;
          const queued = runs.filter((run) => run.status === 'queued').length;
          return running === 2 && queued === 3 ? true : undefined;
        },
        10_000,
        'two running and three queued',
      );
      expect(queuedSeen).toBe(true);
      const runs = await Promise.all(runIds.map((runId) => stack.waitForRun(runId, hasEnded, 'to end', 30_000)));
      expect(runs.every((run) => run.status === 'completed')).toBe(true);
      // From the recorded start and end of each run: at no moment were more than two running.
      const moments = runs.flatMap((run) => [
        { at: Date.parse(run.startedAt), change: 1 },
        { at: Date.parse(run.completedAt), change: -1 },
      ]);
      moments.sort((a, b) => a.at - b.at || a.change - b.change);
      let live = 0;
      let most = 0;
      for (const moment of moments) most = Math.max(most, (live += moment.change));
      expect(most).toBeLessThanOrEqual(2);
    });
  });

  describe('dead workers', () => {
    it('finishes a run on a second collector after the first is killed mid-step', async () => {
      stack.startCollector('collector-b');
      await waitFor(async () => ((await stack.getJson('/api/health')).status === 200 ? true : undefined), 30_000, 'the second collector');
      const runId = await stack.startRun('examples.SlowCount', { data: { seconds: 6 } });
      const running = await stack.waitForRun(runId, (run) => isRunning(run) && run.steps?.run?.worker && run.progress?.done >= 1, 'running on a worker');
      const firstWorker: string = running.steps.run.worker;
      const victim = firstWorker === 'collector-b' ? stack.service('collector:collector-b') : stack.service('collector');
      await victim.kill();

      const run = await stack.waitForRun(runId, hasEnded, 'to end', 60_000);
      expect(run.status).toBe('completed');
      expect(run.steps.run.attempt).toBe(2);
      expect(run.steps.run.worker).not.toBe(firstWorker);
      const logs = await stack.logsOf(runId);
      // A lost worker does not spend the job's own retry budget: the retry is attempt 2, still 1 of 3 by the job's policy.
      expect(logs.some((entry) => entry.message === "Retrying step run: attempt 2, 1 of 3 by the job's retry policy (1 lost worker does not count)")).toBe(true);
    });
  });

  describe('reconciliation', () => {
    it('corrects a run whose workflow was terminated in Temporal', async () => {
      const runId = await stack.startRun('examples.SlowCount', { data: { seconds: 60 } });
      const run = await stack.waitForRun(runId, isRunning, 'running');
      await temporal.workflow.getHandle(run.workflowId).terminate('operator pulled the plug');
      const corrected = await stack.waitForRun(runId, hasEnded, 'corrected by the reconciler', 45_000);
      expect(corrected).toMatchObject({ status: 'cancelled', cancelledBy: 'temporal', error: { message: 'terminated in Temporal: operator pulled the plug' } });
    });

    it('leaves no run live in the read model that Temporal has closed', async () => {
      const live = await stack.database.dataSource.query(`SELECT id, workflow_id FROM job_runs WHERE status_rank < 4`);
      for (const row of live) {
        const description = await temporal.workflow.getHandle(row.workflow_id).describe();
        expect({ run: row.id, status: description.status.name }).toEqual({ run: row.id, status: 'RUNNING' });
      }
    });
  });

  describe('the Temporal Web UI tells the story', () => {
    it('finds the run by its job id search attribute, with status, requester and queue', async () => {
      const runId = await stack.startRun('examples.HelloWorld', { data: { name: 'search' } });
      const run = await stack.waitForRun(runId, hasEnded, 'to end');
      const found = await waitFor(
        async () => {
          for await (const workflow of temporal.workflow.list({ query: `YardJobId = 'examples.HelloWorld' AND WorkflowId = '${run.workflowId}'` })) {
            return workflow;
          }
          return undefined;
        },
        20_000,
        'the workflow in Temporal visibility',
        500,
      );
      expect(found.searchAttributes).toMatchObject({ YardJobId: ['examples.HelloWorld'], YardRequestedBy: ['admin'], YardQueue: ['default'] });
      const described = await temporal.workflow.getHandle(run.workflowId).describe();
      expect(described.searchAttributes).toMatchObject({ YardRunStatus: ['completed'] });
      expect(await described.staticSummary()).toBe('Hello World (examples.HelloWorld), requested by admin');
    });
  });
});
