/**
 * The run workflow with the collector's real activities and example jobs, against the real Temporal dev
 * server (127.0.0.1:7233, namespace `default`). Only the event publisher is a fake: it keeps events in memory.
 */
import { randomUUID } from 'node:crypto';
import { unusedInventoryStore } from '../test-support/unused-inventory';
import * as path from 'node:path';
import { Kvm } from '@nats-io/kv';
import { WorkflowFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  concurrencyBucketFor,
  concurrencyQueueBucketFor,
  CONCURRENCY_SLOT_FREED_SIGNAL,
  isRunEndFailureType,
  RUN_WORKFLOW_TYPE,
  runLogEventsOf,
  RUN_START_ABANDONED_ERROR_TYPE,
  runStartClaimsBucketFor,
  SEARCH_ATTRIBUTE_NAMES,
  workflowIdForRun,
  type EventEnvelope,
  type JsonObject,
  type RunLogBatch,
  type RunLogData,
  type RunOutcome,
  type RunStepStartedData,
  type RunWorkflowInput,
} from '@yardmaster/contracts';
import { concurrencyScopeOf, JobRegistry, validateRunData } from '@yardmaster/job-sdk';
import { ConcurrencyQueue, ConcurrencySlots, connectNats, RunStartClaims, type EventPublisher, type NatsConnection } from '@yardmaster/messaging';
import { testDependencies, uniqueInstanceName } from '@yardmaster/testing';
import type { ExecuteStepInput } from '@yardmaster/workflows';
import { createRunActivities } from '../activities/create-run-activities';
import { publishOneByOne } from '../activities/log-delivery/publish-one-by-one';
import { BUILTIN_JOB_MODULES } from '../jobs/builtin-job-modules';
import { SHARED_WORKFLOW_MODULES } from './workflow-bundle';

jest.setTimeout(60_000);

const TEMPORAL_ADDRESS = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const NAMESPACE = process.env.TEMPORAL_NAMESPACE ?? 'default';
const INSTANCE = 'wf_test';
const WORKER_ID = 'collector-int-spec';
/** The concurrency slots live in a KV bucket of an instance of this test's own, deleted afterwards. */
const SLOTS_INSTANCE = uniqueInstanceName('wfslots');
const LIBS = path.resolve(__dirname, '../../../../libs');

class InMemoryPublisher {
  readonly published: Array<{ subject: string; event: EventEnvelope }> = [];

  /** As JetStream with the event id as msgID: an event sent again (a first step's run.started, on each attempt) is stored once. */
  async publish(subject: string, event: EventEnvelope): Promise<number> {
    const stored = this.published.findIndex((earlier) => earlier.event.id === event.id);
    if (stored >= 0) return stored + 1;
    this.published.push({ subject, event });
    return this.published.length;
  }

  readonly publishBatch = publishOneByOne((subject, event) => this.publish(subject, event));

  asEventPublisher(): EventPublisher {
    return this as unknown as EventPublisher;
  }

  /** The events as readers show them: a batch of log entries as the run.log events it carries. */
  get shown(): Array<{ subject: string; event: EventEnvelope }> {
    return this.published.flatMap(({ subject, event }) =>
      event.type === 'run.log_batch' ? runLogEventsOf(event as RunLogBatch).map((line) => ({ subject, event: line as EventEnvelope })) : [{ subject, event }],
    );
  }
}

const registry = new JobRegistry(BUILTIN_JOB_MODULES);
let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;
let nc: NatsConnection;
let slots: ConcurrencySlots;
let queue: ConcurrencyQueue;
/** The collector's claims, and the scheduler's in the tests that give a start up (the same bucket, as in production). */
let startClaims: RunStartClaims;

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  env = await TestWorkflowEnvironment.createFromExistingServer({ address: TEMPORAL_ADDRESS, namespace: NAMESPACE });
  // The workflow upserts YardRunStatus: the namespace must know it (the scheduler registers it in production).
  const keyword = temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
  await env.connection.operatorService
    .addSearchAttributes({ namespace: NAMESPACE, searchAttributes: Object.fromEntries(Object.values(SEARCH_ATTRIBUTE_NAMES).map((name) => [name, keyword])) })
    .catch((error: unknown) => {
      if (!/already exists/i.test(String(error))) throw error;
    });
  nc = await connectNats(testDependencies.natsUrl, `run-workflow-int-spec-${SLOTS_INSTANCE}`);
  slots = await ConcurrencySlots.open(nc, SLOTS_INSTANCE);
  queue = await ConcurrencyQueue.open(nc, SLOTS_INSTANCE);
  startClaims = await RunStartClaims.open(nc, SLOTS_INSTANCE);
  bundle = await bundleWorkflowCode({
    // The workflow source, not the `dist` that `require.resolve('@yardmaster/workflows')` finds.
    workflowsPath: path.join(LIBS, 'workflows/src/index.ts'),
    // As the build bundles them: the workflows below run with the contracts shared and frozen.
    preloadModules: [...SHARED_WORKFLOW_MODULES],
    logger: new DefaultLogger('ERROR'),
    webpackConfigHook: (config) => ({
      ...config,
      resolve: {
        ...config.resolve,
        alias: { ...(config.resolve?.alias as Record<string, string>), '@yardmaster/contracts$': path.join(LIBS, 'contracts/src/index.ts'), '@yardmaster/contracts/workflow$': path.join(LIBS, 'contracts/src/workflow-contracts.ts') },
      },
    }),
  });
});

afterAll(async () => {
  await env?.teardown();
  if (nc && !nc.isClosed()) {
    for (const bucket of [concurrencyBucketFor(SLOTS_INSTANCE), concurrencyQueueBucketFor(SLOTS_INSTANCE), runStartClaimsBucketFor(SLOTS_INSTANCE)]) {
      await new Kvm(nc).open(bucket).then((kv) => kv.destroy()).catch(() => false);
    }
    await nc.drain();
  }
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
    runTimeoutSeconds: definition.timeouts.runTimeoutSeconds ?? 40,
    stepTimeoutSeconds: definition.timeouts.stepTimeoutSeconds ?? 30,
    heartbeatTimeoutSeconds: 5,
    retry: definition.retry,
    concurrency: definition.concurrency
      ? { rule: definition.concurrency, scope: concurrencyScopeOf(jobId, definition.concurrency, validation.data), heldSlot: null }
      : null,
  };
}

type RunHandle = WorkflowHandle<(input: RunWorkflowInput) => Promise<RunOutcome>>;

/**
 * Starts one workflow on a worker of its own task queue, recording each step the worker executed (retries
 * included), and hands its handle to `drive`; the worker runs until `drive` settles.
 */
async function withWorkflow<T>(
  input: RunWorkflowInput,
  publisher: InMemoryPublisher,
  drive: (handle: RunHandle) => Promise<T>,
  executedSteps: string[] = [],
): Promise<T> {
  const taskQueue = `test-wf-${randomUUID()}`;
  const activities = createRunActivities({ registry: () => registry, publisher: publisher.asEventPublisher(), instance: INSTANCE, workerId: WORKER_ID, runDataStages: [], inventory: unusedInventoryStore, logDelivery: { limits: { maxEntries: 10_000, maxBytes: 16 * 1024 * 1024, giveUpAfterMs: 30_000 }, natsAddress: 'in memory' }, slots, queue, nc, startClaims });
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
    // As the collector sets it: a cancellation reaches a step within a fraction of a second.
    maxHeartbeatThrottleInterval: '500ms',
  });
  return worker.runUntil(async () => {
    const handle = await env.client.workflow.start<(input: RunWorkflowInput) => Promise<RunOutcome>>(RUN_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: workflowIdForRun(input.runId),
      args: [input],
      workflowExecutionTimeout: '50 seconds',
    });
    return drive(handle);
  });
}

/** Runs one workflow to its end; a failed, errored or timed-out run fails its workflow with its outcome as the detail. */
async function runWorkflow(input: RunWorkflowInput, publisher: InMemoryPublisher, executedSteps: string[] = []): Promise<RunOutcome> {
  return withWorkflow(input, publisher, (handle) => handle.result().catch(outcomeInFailure), executedSteps);
}

function outcomeInFailure(error: unknown): RunOutcome {
  const cause = error instanceof WorkflowFailedError ? error.cause : undefined;
  if (cause instanceof ApplicationFailure && isRunEndFailureType(cause.type)) return cause.details?.[0] as RunOutcome;
  throw error;
}

function logEntries(publisher: InMemoryPublisher): Array<[grouping: string, level: string, message: string]> {
  return publisher.shown
    .filter(({ event }) => event.type === 'run.log')
    .map(({ event }) => {
      const data = event.data as RunLogData;
      return [data.grouping, data.level, data.message];
    });
}

function stepsStarted(publisher: InMemoryPublisher): RunStepStartedData[] {
  return publisher.published.filter(({ event }) => event.type === 'run.step_started').map(({ event }) => event.data as RunStepStartedData);
}

/** run.started is the first event and the one terminal event is the last, each with its fixed id, subject and sequence. */
function expectLifecycle(publisher: InMemoryPublisher, input: RunWorkflowInput, terminal: 'completed' | 'failed' | 'errored' | 'timed_out', workflowLogs = 0) {
  const { published } = publisher;
  // The workflow's own events; the collector adds log entries, step_started and progress between them.
  const lifecycle = published.filter(({ event }) => !['run.log', 'run.log_batch', 'run.step_started', 'run.progress'].includes(event.type));
  expect(lifecycle.map(({ event }) => event.type)).toEqual(['run.started', `run.${terminal}`]);
  expect(published[0].event.type).toBe('run.started');
  expect(published[published.length - 1].event.type).toBe(`run.${terminal}`);
  expect(lifecycle.map(({ subject }) => subject)).toEqual([
    `${INSTANCE}.run.${input.runId}.started`,
    `${INSTANCE}.run.${input.runId}.${terminal}`,
  ]);
  expect(lifecycle.map(({ event }) => event.id)).toEqual([`${input.runId}:run.started`, `${input.runId}:run.${terminal}`]);
  // The workflow's own log entries (a timeout's failure entry) take sequence numbers between them.
  expect(lifecycle.map(({ event }) => event.sequence)).toEqual([2, 3 + workflowLogs]);
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
    const firstLog = publisher.shown.find(({ event }) => event.type === 'run.log');
    expect(firstLog?.event.data).toMatchObject({ object: { type: 'device', id: 'edge-01', display: 'edge-01' }, attempt: 1 });
    // Each step announced itself, naming this worker.
    expect(stepsStarted(publisher)).toEqual([
      { step: 'run', attempt: 1, maxAttempts: 3, worker: WORKER_ID },
      { step: 'test_mtu', attempt: 1, maxAttempts: 3, worker: WORKER_ID },
      { step: 'test_descriptions', attempt: 1, maxAttempts: 3, worker: WORKER_ID },
      { step: 'post_run', attempt: 1, maxAttempts: 3, worker: WORKER_ID },
    ]);
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

describe('runJobWorkflow with the collector activities: a start its scheduler gave up on (Temporal was unreachable)', () => {
  /** The workflow's failure, for a run expected to end Failed. */
  function failureOf(handle: RunHandle): Promise<unknown> {
    return handle.result().then(
      (outcome) => {
        throw new Error(`expected the run to be refused, it ended ${JSON.stringify(outcome)}`);
      },
      (error: unknown) => (error instanceof WorkflowFailedError ? error.cause : error),
    );
  }

  it('runs no job code and publishes no event when the scheduler claimed the run first: Failed, RunStartAbandoned, no status', async () => {
    const publisher = new InMemoryPublisher();
    const input = runInput('examples.HelloWorld', { name: 'x' });
    expect(await startClaims.abandon(input.runId)).toBe('abandoned');
    const executedSteps: string[] = [];
    const { failure, status } = await withWorkflow(
      input,
      publisher,
      async (handle) => ({ failure: await failureOf(handle), status: (await handle.describe()).searchAttributes[SEARCH_ATTRIBUTE_NAMES.runStatus] }),
      executedSteps,
    );
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: RUN_START_ABANDONED_ERROR_TYPE, nonRetryable: true });
    // The first step's activity was asked once and refused before the job: no retry, no post_run.
    expect(executedSteps).toEqual(['run']);
    expect(publisher.published).toEqual([]);
    expect(status).toBeUndefined();
  });

  it('refuses a run with a start time at its first event, run.queued', async () => {
    const publisher = new InMemoryPublisher();
    const input = { ...runInput('examples.HelloWorld', { name: 'x' }), startAt: new Date(Date.now() + 60_000).toISOString() };
    await startClaims.abandon(input.runId);
    const executedSteps: string[] = [];
    const failure = await withWorkflow(input, publisher, failureOf, executedSteps);
    expect(failure).toMatchObject({ type: RUN_START_ABANDONED_ERROR_TYPE });
    expect(executedSteps).toEqual([]);
    expect(publisher.published).toEqual([]);
  });

  it('gives back the concurrency slot a refused run had claimed', async () => {
    const publisher = new InMemoryPublisher();
    const input = runInput('examples.ConfigSweep', { seconds: 1 });
    await startClaims.abandon(input.runId);
    const failure = await withWorkflow(input, publisher, failureOf);
    expect(failure).toMatchObject({ type: RUN_START_ABANDONED_ERROR_TYPE });
    expect((await slots.holders()).filter((holder) => holder.scope === input.concurrency?.scope)).toEqual([]);
  });

  it('runs as ever when the collector claimed the run first: the scheduler then hears it started', async () => {
    const publisher = new InMemoryPublisher();
    const input = runInput('examples.HelloWorld', { name: 'x' });
    expect(await runWorkflow(input, publisher)).toEqual({ status: 'completed', result: { greeting: 'Hello, x' } });
    expect(await startClaims.abandon(input.runId)).toBe('started');
  });
});

describe('runJobWorkflow with the collector activities: the run lifecycle', () => {
  it('retries Flaky device after its infrastructure faults, logging each failed attempt, and completes', async () => {
    const publisher = new InMemoryPublisher();
    const input = runInput('examples.FlakyDevice', { failures: 2 });
    const executedSteps: string[] = [];
    const outcome = await runWorkflow(input, publisher, executedSteps);

    expect(outcome).toEqual({ status: 'completed', result: { answeredOnAttempt: 3 } });
    expect(executedSteps).toEqual(['run', 'run', 'run']);
    expect(stepsStarted(publisher).map(({ attempt, maxAttempts }) => [attempt, maxAttempts])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(logEntries(publisher)).toEqual([
      ['run', 'warning', 'Attempt 1 of 3 of step run failed: edge-01 did not answer on attempt 1; it will be retried'],
      ['run', 'warning', 'Retrying step run: attempt 2 of 3 (attempt 1 failed or lost its worker)'],
      ['run', 'warning', 'Attempt 2 of 3 of step run failed: edge-01 did not answer on attempt 2; it will be retried'],
      ['run', 'warning', 'Retrying step run: attempt 3 of 3 (attempt 2 failed or lost its worker)'],
      ['run', 'success', 'edge-01 answered on attempt 3'],
    ]);
    expectLifecycle(publisher, input, 'completed');
  });

  it('times Deadline out after its 2 s run timeout, logs the failure, and runs post_run', async () => {
    const publisher = new InMemoryPublisher();
    const input = runInput('examples.Deadline', {});
    expect(input.runTimeoutSeconds).toBe(2);
    const executedSteps: string[] = [];
    const outcome = await runWorkflow(input, publisher, executedSteps);

    const error = { message: 'The run timed out after 2 s; step run was cut off', type: 'RunTimeout', step: 'run' };
    expect(outcome).toEqual({ status: 'timed_out', result: null, error });
    expect(executedSteps).toEqual(['run', 'post_run']);
    const entries = logEntries(publisher);
    expect(entries).toContainEqual(['run', 'warning', 'Step run stopped: the run was cancelled or ran out of time']);
    expect(entries).toContainEqual(['run', 'failure', error.message]);
    expect(entries.at(-1)).toEqual(['post_run', 'info', 'post_run: cleaned up after the timeout']);
    expect(entries.filter(([, , message]) => message.startsWith('Still working')).length).toBeLessThan(3);
    expectLifecycle(publisher, input, 'timed_out', 1);
    expect(publisher.published.find(({ event }) => event.id === `${input.runId}:workflow:log:1`)?.event).toMatchObject({ type: 'run.log', sequence: 3 });
    expect(publisher.published.at(-1)?.event.data).toEqual({ result: null, error });
  });

  it('cancels Slow count mid-run: the step stops, post_run runs, and the workflow ends Canceled', async () => {
    const publisher = new InMemoryPublisher();
    const input = runInput('examples.SlowCount', { seconds: 30 });
    const executedSteps: string[] = [];
    const error = await withWorkflow(
      input,
      publisher,
      async (handle) => {
        // Wait for the job to have counted once, so the cancellation lands inside its step.
        for (let tries = 0; tries < 100 && !logEntries(publisher).some(([, , message]) => message.startsWith('Counted 1')); tries++) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await handle.signal('cancelRequested', { by: 'carol' });
        await handle.cancel();
        return handle.result().then(() => null, (caught: unknown) => caught);
      },
      executedSteps,
    );

    expect(error).toBeInstanceOf(WorkflowFailedError);
    expect((error as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);
    expect(executedSteps).toEqual(['run', 'post_run']);
    const entries = logEntries(publisher);
    expect(entries).toContainEqual(['run', 'info', 'Counted 1 of 30']);
    expect(entries).toContainEqual(['run', 'warning', 'Step run stopped: the run was cancelled or ran out of time']);
    expect(entries).toContainEqual(['run', 'warning', 'The run was cancelled by carol during step run']);
    expect(entries.at(-1)).toEqual(['post_run', 'info', 'post_run: released the device session']);
    expect(publisher.published.some(({ event }) => event.type === 'run.progress')).toBe(true);
    const terminal = publisher.published.at(-1)?.event;
    expect(terminal).toMatchObject({ type: 'run.cancelled', id: `${input.runId}:run.cancelled`, data: { result: null, cancelledBy: 'carol', step: 'run' } });
  });

  it('holds a Config sweep slot in NATS KV while the run is live, and frees it when the run ends', async () => {
    const publisher = new InMemoryPublisher();
    const input = runInput('examples.ConfigSweep', { seconds: 1 });
    const scope = input.concurrency?.scope;
    expect(input.concurrency).toMatchObject({ rule: { mode: 'limit', maxRuns: 2 }, heldSlot: null });

    const { outcome, heldWhileRunning } = await withWorkflow(input, publisher, async (handle) => {
      for (let tries = 0; tries < 100 && stepsStarted(publisher).length === 0; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
      const heldWhileRunning = (await slots.holders()).filter((holder) => holder.scope === scope);
      return { heldWhileRunning, outcome: await handle.result() };
    });

    expect(outcome).toEqual({ status: 'completed', result: null });
    expect(heldWhileRunning.map(({ slot, runId }) => ({ slot, runId }))).toEqual([{ slot: 0, runId: input.runId }]);
    expect((await slots.holders()).filter((holder) => holder.scope === scope)).toEqual([]);
  });

  it('a freed slot always wakes the next run in line: 8 sweeps, two at a time, all complete, each waiter woken by a signal', async () => {
    const publisher = new InMemoryPublisher();
    const inputs = Array.from({ length: 8 }, () => runInput('examples.ConfigSweep', { seconds: 1 }));
    const scope = inputs[0].concurrency?.scope;
    const taskQueue = `test-wf-${randomUUID()}`;
    const activities = createRunActivities({ registry: () => registry, publisher: publisher.asEventPublisher(), instance: INSTANCE, workerId: WORKER_ID, runDataStages: [], inventory: unusedInventoryStore, logDelivery: { limits: { maxEntries: 10_000, maxBytes: 16 * 1024 * 1024, giveUpAfterMs: 30_000 }, natsAddress: 'in memory' }, slots, queue, nc, startClaims });
    const worker = await Worker.create({ connection: env.nativeConnection, namespace: NAMESPACE, taskQueue, workflowBundle: bundle, activities, maxHeartbeatThrottleInterval: '500ms' });

    const { outcomes, histories } = await worker.runUntil(async () => {
      const handles = await Promise.all(
        inputs.map((input) =>
          env.client.workflow.start<(input: RunWorkflowInput) => Promise<RunOutcome>>(RUN_WORKFLOW_TYPE, {
            taskQueue,
            workflowId: workflowIdForRun(input.runId),
            args: [input],
            workflowExecutionTimeout: '50 seconds',
          }),
        ),
      );
      const outcomes = await Promise.all(handles.map((handle) => handle.result()));
      return { outcomes, histories: await Promise.all(handles.map((handle) => handle.fetchHistory())) };
    });

    expect(outcomes.every((outcome) => outcome.status === 'completed')).toBe(true);
    // Six of them had to wait; each of those was signalled when a slot was handed on (its timer is only a fallback).
    const signalled = histories.filter((history) =>
      (history.events ?? []).some((event) => event.workflowExecutionSignaledEventAttributes?.signalName === CONCURRENCY_SLOT_FREED_SIGNAL),
    );
    expect(signalled.length).toBeGreaterThanOrEqual(6);
    expect((await slots.holders()).filter((holder) => holder.scope === scope)).toEqual([]);
    expect(await queue.waiting(scope ?? '')).toEqual([]);
  });
});
