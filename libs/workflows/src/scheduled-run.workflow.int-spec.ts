/**
 * The schedule firing workflow against the real Temporal dev server, with stub activities: it ends as its run did,
 * so the schedule's recent actions in the Web UI show which runs did not succeed. The firing runs on its run's task
 * queue, beside the run's wait; its start goes to the scheduler's queue, each served by a worker of its own.
 */
import { randomUUID } from 'node:crypto';
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { SCHEDULED_RUN_WORKFLOW_TYPE, schedulerTaskQueueFor, taskQueueOfRun, type ScheduledRunRequest } from '@yardmaster/contracts';
import type { ScheduledRunActivities, ScheduledRunOutcome } from './index';
import { bundleWorkflowsFromSource } from './replay-histories/bundle-from-source';

jest.setTimeout(60_000);

const REQUEST = { scheduleId: 'nightly', definition: { jobId: 'examples.Stubbed' } } as unknown as ScheduledRunRequest;

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  env = await TestWorkflowEnvironment.createFromExistingServer({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233', namespace: 'default' });
  bundle = await bundleWorkflowsFromSource();
});

afterAll(async () => {
  await env?.teardown();
});

/** Fires once, with a run that ends `runStatus`; returns how the firing workflow ended. */
async function fireWithRunEnding(runStatus: string): Promise<ScheduledRunOutcome | unknown> {
  const instance = `fire_${randomUUID().replace(/-/g, '')}`;
  const runQueue = taskQueueOfRun(instance, 'default');
  const besideTheRun: Pick<ScheduledRunActivities, 'awaitRunEnd'> = { awaitRunEnd: async () => runStatus };
  const inTheScheduler: Pick<ScheduledRunActivities, 'startScheduledRun'> = { startScheduledRun: async () => 'run-1' };
  const collector = await Worker.create({ connection: env.nativeConnection, namespace: 'default', taskQueue: runQueue, workflowBundle: bundle, activities: besideTheRun });
  const scheduler = await Worker.create({ connection: env.nativeConnection, namespace: 'default', taskQueue: schedulerTaskQueueFor(instance), activities: inTheScheduler });
  const firing = env.client.workflow
    .execute<(request: ScheduledRunRequest) => Promise<ScheduledRunOutcome>>(SCHEDULED_RUN_WORKFLOW_TYPE, { taskQueue: runQueue, workflowId: `fire-${randomUUID()}`, args: [REQUEST] })
    .catch((error: unknown) => error);
  return scheduler.runUntil(collector.runUntil(firing));
}

it('completes with a completed run', async () => {
  expect(await fireWithRunEnding('completed')).toEqual({ runId: 'run-1', status: 'completed' });
});

it.each([
  ['failed', 'RunFailed'],
  ['errored', 'RunErrored'],
  ['timed_out', 'RunTimedOut'],
  ['cancelled', 'RunCancelled'],
])('fails, non-retryable, with a run that ended %s (%s), the run in its details', async (status, type) => {
  const error = await fireWithRunEnding(status);
  expect(error).toBeInstanceOf(WorkflowFailedError);
  const cause = (error as WorkflowFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  expect(cause).toMatchObject({ type, nonRetryable: true, message: `Run run-1 ended ${status}` });
  expect((cause as ApplicationFailure).details).toEqual([{ runId: 'run-1', status }]);
});
