/**
 * The run workflow with the collector's real activities and example jobs, against the real Temporal dev
 * server (127.0.0.1:7233, namespace `default`). Only the event publisher is a fake: it keeps events in memory.
 */
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  RUN_WORKFLOW_TYPE,
  workflowIdForRun,
  type EventEnvelope,
  type JsonObject,
  type RunLogData,
  type RunOutcome,
  type RunWorkflowInput,
} from '@yardmaster/contracts';
import { JobRegistry, validateRunData } from '@yardmaster/job-sdk';
import type { EventPublisher } from '@yardmaster/messaging';
import type { ExecuteStepInput } from '@yardmaster/workflows';
import { createRunActivities } from '../activities/create-run-activities';
import { BUILTIN_JOB_MODULES } from '../jobs/builtin-job-modules';

jest.setTimeout(60_000);

const TEMPORAL_ADDRESS = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const NAMESPACE = process.env.TEMPORAL_NAMESPACE ?? 'default';
const INSTANCE = 'wf_test';
const LIBS = path.resolve(__dirname, '../../../../libs');

class InMemoryPublisher {
  readonly published: Array<{ subject: string; event: EventEnvelope }> = [];

  async publish(subject: string, event: EventEnvelope): Promise<number> {
    this.published.push({ subject, event });
    return this.published.length;
  }

  asEventPublisher(): EventPublisher {
    return this as unknown as EventPublisher;
  }
}

const registry = new JobRegistry(BUILTIN_JOB_MODULES);
let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  env = await TestWorkflowEnvironment.createFromExistingServer({ address: TEMPORAL_ADDRESS, namespace: NAMESPACE });
  bundle = await bundleWorkflowCode({
    // The workflow source, not the `dist` that `require.resolve('@yardmaster/workflows')` finds.
    workflowsPath: path.join(LIBS, 'workflows/src/index.ts'),
    logger: new DefaultLogger('ERROR'),
    webpackConfigHook: (config) => ({
      ...config,
      resolve: {
        ...config.resolve,
        alias: { ...(config.resolve?.alias as Record<string, string>), '@yardmaster/contracts$': path.join(LIBS, 'contracts/src/index.ts') },
      },
    }),
  });
});

afterAll(async () => {
  await env?.teardown();
});

/** The input the scheduler would give: the job's steps, and its data validated with defaults filled in. */
function runInput(jobId: string, given: JsonObject): RunWorkflowInput {
  const definition = registry.find(jobId)?.definition;
  if (!definition) throw new Error(`no job ${jobId}`);
  const validation = validateRunData(definition.variables, given);
  if (!validation.ok) throw new Error(`bad test data: ${JSON.stringify(validation.errors)}`);
  return {
    runId: randomUUID(),
    jobId,
    jobName: definition.name,
    data: validation.data,
    commit: true,
    queue: 'default',
    requestedBy: 'alice',
    correlationId: `corr-${randomUUID()}`,
    steps: definition.steps,
    stepTimeoutSeconds: 30,
  };
}

/** Runs one workflow on a worker of its own task queue, recording each step the worker executed (retries included). */
async function runWorkflow(input: RunWorkflowInput, publisher: InMemoryPublisher, executedSteps: string[] = []): Promise<RunOutcome> {
  const taskQueue = `test-wf-${randomUUID()}`;
  const activities = createRunActivities({ registry, publisher: publisher.asEventPublisher(), instance: INSTANCE });
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: NAMESPACE,
    taskQueue,
    workflowBundle: bundle,
    activities: {
      ...activities,
      executeJobStep: (stepInput: ExecuteStepInput) => {
        executedSteps.push(stepInput.step);
        return activities.executeJobStep(stepInput);
      },
    },
  });
  return worker.runUntil(
    env.client.workflow.execute<(input: RunWorkflowInput) => Promise<RunOutcome>>(RUN_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: workflowIdForRun(input.runId),
      args: [input],
      workflowExecutionTimeout: '50 seconds',
    }),
  );
}

function logEntries(publisher: InMemoryPublisher): Array<[grouping: string, level: string, message: string]> {
  return publisher.published
    .filter(({ event }) => event.type === 'run.log')
    .map(({ event }) => {
      const data = event.data as RunLogData;
      return [data.grouping, data.level, data.message];
    });
}

/** run.started is the first event and the one terminal event is the last, each with its fixed id, subject and sequence. */
function expectLifecycle(publisher: InMemoryPublisher, input: RunWorkflowInput, terminal: 'completed' | 'failed' | 'errored') {
  const { published } = publisher;
  const lifecycle = published.filter(({ event }) => event.type !== 'run.log');
  expect(lifecycle.map(({ event }) => event.type)).toEqual(['run.started', `run.${terminal}`]);
  expect(published[0].event.type).toBe('run.started');
  expect(published[published.length - 1].event.type).toBe(`run.${terminal}`);
  expect(lifecycle.map(({ subject }) => subject)).toEqual([
    `${INSTANCE}.run.${input.runId}.started`,
    `${INSTANCE}.run.${input.runId}.${terminal}`,
  ]);
  expect(lifecycle.map(({ event }) => event.id)).toEqual([`${input.runId}:run.started`, `${input.runId}:run.${terminal}`]);
  expect(lifecycle.map(({ event }) => event.sequence)).toEqual([2, 3]);
  for (const { subject, event } of published) {
    expect(subject.startsWith(`${INSTANCE}.run.${input.runId}.`)).toBe(true);
    expect(event).toMatchObject({ version: 1, aggregateId: input.runId, actor: 'alice', correlationId: input.correlationId, causationId: null });
  }
  expect(new Set(published.map(({ event }) => event.id)).size).toBe(published.length);
  expect(published[0].event.data).toEqual({ jobId: input.jobId, workflowId: workflowIdForRun(input.runId), attempt: 1 });
}

describe('runJobWorkflow with the collector activities', () => {
  it('runs Interface audit through run, both tests and post_run, and completes', async () => {
    const publisher = new InMemoryPublisher();
    const input = runInput('examples.InterfaceAudit', {});
    expect(input.steps).toEqual(['run', 'test_mtu', 'test_descriptions', 'post_run']);

    const executedSteps: string[] = [];
    const outcome = await runWorkflow(input, publisher, executedSteps);

    expect(executedSteps).toEqual(['run', 'test_mtu', 'test_descriptions', 'post_run']);
    const runResult = {
      device: 'edge-01',
      interfaces: [
        { name: 'Gi0/1', description: 'uplink to core', mtu: 9000 },
        { name: 'Gi0/2', description: '', mtu: 1500 },
      ],
      expectDescriptions: true,
    };
    expect(outcome).toEqual({ status: 'completed', result: runResult });
    expect(logEntries(publisher)).toEqual([
      ['run', 'info', 'Collected 2 interfaces from edge-01'],
      ['test_mtu', 'success', 'Gi0/1 MTU 9000 is fine'],
      ['test_mtu', 'success', 'Gi0/2 MTU 1500 is fine'],
      ['test_descriptions', 'success', 'Gi0/1 is described as "uplink to core"'],
      ['test_descriptions', 'warning', 'Gi0/2 has no description'],
      ['post_run', 'info', 'Closed the session to edge-01'],
    ]);
    expect(publisher.published[1].event.data).toMatchObject({ object: { type: 'device', id: 'edge-01', display: 'edge-01' }, attempt: 1 });
    expectLifecycle(publisher, input, 'completed');
    expect(publisher.published[publisher.published.length - 1].event.data).toEqual({ result: runResult });
  });

  it('runs Hello World and completes with its greeting', async () => {
    const publisher = new InMemoryPublisher();
    const input = runInput('examples.HelloWorld', { name: 'x' });
    const outcome = await runWorkflow(input, publisher);
    expect(outcome).toEqual({ status: 'completed', result: { greeting: 'Hello, x' } });
    expect(logEntries(publisher).map(([, level]) => level)).toEqual(['info', 'info', 'info', 'success']);
    expectLifecycle(publisher, input, 'completed');
  });

  it('fails a run whose job logged a failure, and still runs post_run', async () => {
    const publisher = new InMemoryPublisher();
    const input = runInput('examples.FailOnPurpose', { outcome: 'fail', reason: 'testing' });
    const outcome = await runWorkflow(input, publisher);
    expect(outcome).toEqual({ status: 'failed', result: { outcome: 'fail' }, failureCount: 1 });
    expect(logEntries(publisher)).toEqual([
      ['run', 'info', 'Asked to fail'],
      ['run', 'failure', 'Failing on purpose: testing'],
      ['post_run', 'debug', 'post_run ran'],
    ]);
    expectLifecycle(publisher, input, 'failed');
    expect(publisher.published[publisher.published.length - 1].event.data).toEqual({ result: { outcome: 'fail' }, failureCount: 1 });
  });

  it('errors a run whose job threw, with the exception message and step, and still runs post_run', async () => {
    const publisher = new InMemoryPublisher();
    const input = runInput('examples.FailOnPurpose', { outcome: 'error' });
    const executedSteps: string[] = [];
    const outcome = await runWorkflow(input, publisher, executedSteps);
    expect(executedSteps).toEqual(['run', 'post_run']);
    const error = { message: 'Erroring on purpose: asked to', type: 'JobCodeError', step: 'run' };
    expect(outcome).toEqual({ status: 'errored', result: null, error });
    expect(logEntries(publisher)).toEqual([
      ['run', 'info', 'Asked to error'],
      ['run', 'failure', 'Step run raised Error: Erroring on purpose: asked to'],
      ['post_run', 'debug', 'post_run ran'],
    ]);
    expectLifecycle(publisher, input, 'errored');
    expect(publisher.published[publisher.published.length - 1].event.data).toEqual({ result: null, error });
  });

  it('errors a run of a job this collector does not host, without retrying', async () => {
    const publisher = new InMemoryPublisher();
    const input = { ...runInput('examples.HelloWorld', { name: 'x' }), jobId: 'examples.Gone', steps: ['run', 'post_run'] };
    const executedSteps: string[] = [];
    const outcome = await runWorkflow(input, publisher, executedSteps);
    // Each step is tried once: not hosted is final, and post_run is still attempted.
    expect(executedSteps).toEqual(['run', 'post_run']);
    expect(outcome).toEqual({
      status: 'errored',
      result: null,
      error: { message: 'This collector does not host job examples.Gone', type: 'JobNotHosted', step: 'run' },
    });
    expect(logEntries(publisher)).toEqual([]);
    expectLifecycle(publisher, input, 'errored');
  });
});
