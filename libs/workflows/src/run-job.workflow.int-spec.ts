/**
 * The run workflow against the real Temporal dev server (127.0.0.1:7233, namespace `default`), with stub
 * activities that record what the workflow asked of them. Each test has its own task queue and worker.
 */
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { Context } from '@temporalio/activity';
import { WorkflowFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure, CancelledFailure, defineSearchAttributeKey } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  INFRASTRUCTURE_FAULT_ERROR_TYPE,
  JOB_CODE_ERROR_TYPE,
  RUN_WORKFLOW_TYPE,
  SEARCH_ATTRIBUTE_NAMES,
  TEMPORAL_ACTOR,
  workflowIdForRun,
  type JsonValue,
  type RetryPolicyDefinition,
  type RunOutcome,
  type RunWorkflowInput,
  type StepOutcome,
} from '@yardmaster/contracts';
import type { ConcurrencySlotRelease, ConcurrencySlotRequest, ExecuteStepInput, RunActivities, RunEventDraft } from './index';

jest.setTimeout(60_000);

const TEMPORAL_ADDRESS = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const NAMESPACE = process.env.TEMPORAL_NAMESPACE ?? 'default';
const CONTRACTS_SRC = path.resolve(__dirname, '../../contracts/src/index.ts');

/** Retries quickly, so a retry test takes a fraction of a second per attempt. */
const FAST_RETRY: RetryPolicyDefinition = { maximumAttempts: 3, initialIntervalSeconds: 0.2, backoffCoefficient: 1, maximumIntervalSeconds: 0.2 };
const RUN_STATUS = defineSearchAttributeKey(SEARCH_ATTRIBUTE_NAMES.runStatus, 'KEYWORD');

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  // Keep the SDK's own logging (activity retries, worker state) out of the test output.
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  env = await TestWorkflowEnvironment.createFromExistingServer({ address: TEMPORAL_ADDRESS, namespace: NAMESPACE });
  await registerSearchAttributes();
  bundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('./index'),
    logger: new DefaultLogger('ERROR'),
    // Bundle the contracts from source, as the tests run, rather than whatever `dist` was built last.
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as Record<string, string>), '@yardmaster/contracts$': CONTRACTS_SRC } },
    }),
  });
});

/** The workflow upserts `YardRunStatus`: the namespace must know it (the scheduler registers it in production). */
async function registerSearchAttributes(): Promise<void> {
  const keyword = temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
  await env.connection.operatorService
    .addSearchAttributes({ namespace: NAMESPACE, searchAttributes: Object.fromEntries(Object.values(SEARCH_ATTRIBUTE_NAMES).map((name) => [name, keyword])) })
    .catch((error: unknown) => {
      if (!/already exists/i.test(String(error))) throw error;
    });
}

afterAll(async () => {
  await env?.teardown();
});

type StepBehaviour = (input: ExecuteStepInput, attempt: number) => StepOutcome | Promise<StepOutcome>;

/**
 * Stub activities: each step behaves as `behaviours` says (by default it succeeds with no failures).
 * `calls` records every activity call in the order made, so tests can check what happened before what.
 */
function stubActivities(behaviours: Record<string, StepBehaviour> = {}, options: { acquiredSlot?: number } = {}) {
  const steps: Array<{ step: string; runResult: JsonValue; attempt: number }> = [];
  const events: RunEventDraft[] = [];
  const calls: string[] = [];
  const acquired: ConcurrencySlotRequest[] = [];
  const released: ConcurrencySlotRelease[] = [];
  const attempts = new Map<string, number>();
  const activities: RunActivities = {
    async publishRunEvent(draft) {
      events.push(draft);
    },
    async executeJobStep(input) {
      const attempt = (attempts.get(input.step) ?? 0) + 1;
      attempts.set(input.step, attempt);
      steps.push({ step: input.step, runResult: input.runResult, attempt });
      calls.push(`step:${input.step}`);
      const behaviour = behaviours[input.step];
      return behaviour ? behaviour(input, attempt) : { result: null, failureCount: 0 };
    },
    async acquireConcurrencySlot(request) {
      acquired.push(request);
      calls.push('acquire');
      return options.acquiredSlot ?? 0;
    },
    async releaseConcurrencySlot(release) {
      released.push(release);
      calls.push('release');
    },
  };
  return { activities, steps, events, calls, acquired, released };
}

function runInput(steps: string[], overrides: Partial<RunWorkflowInput> = {}): RunWorkflowInput {
  return {
    runId: randomUUID(),
    jobId: 'examples.Stubbed',
    jobName: 'Stubbed',
    data: { name: 'x' },
    commit: true,
    queue: 'default',
    requestedBy: 'alice',
    correlationId: `corr-${randomUUID()}`,
    steps,
    runTimeoutSeconds: 40,
    stepTimeoutSeconds: 30,
    heartbeatTimeoutSeconds: 5,
    retry: FAST_RETRY,
    concurrency: null,
    ...overrides,
  };
}

type RunHandle = WorkflowHandle<(input: RunWorkflowInput) => Promise<RunOutcome>>;

/**
 * Starts one workflow on a worker of its own task queue and hands its handle to `drive`; the worker runs until
 * `drive` settles and is shut down whatever happens.
 */
async function withWorkflow<T>(activities: RunActivities, input: RunWorkflowInput, drive: (handle: RunHandle) => Promise<T>): Promise<T> {
  const taskQueue = `test-wf-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: NAMESPACE,
    taskQueue,
    workflowBundle: bundle,
    activities,
    // Heartbeats reach the server, and cancellations reach stub steps, within a fraction of a second.
    maxHeartbeatThrottleInterval: '100ms',
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

/** Runs one workflow to its end and returns its outcome. */
async function runWorkflow(activities: RunActivities, input: RunWorkflowInput): Promise<RunOutcome> {
  return withWorkflow(activities, input, (handle) => handle.result());
}

/** What Temporal says of the workflow: its status and its `YardRunStatus` search attribute. */
async function describeRun(input: RunWorkflowInput): Promise<{ status: string; runStatus: string | undefined }> {
  const description = await env.client.workflow.getHandle(workflowIdForRun(input.runId)).describe();
  return { status: description.status.name, runStatus: description.typedSearchAttributes.get(RUN_STATUS) };
}

function expectLifecycle(events: RunEventDraft[], input: RunWorkflowInput, terminal: RunEventDraft['type']) {
  expect(events.map((event) => event.type)).toEqual(['run.started', terminal]);
  // run.requested (the scheduler's) is 1: the workflow's events follow it.
  expect(events.map((event) => event.sequence)).toEqual([2, 3]);
  for (const event of events) {
    expect(event).toMatchObject({ runId: input.runId, actor: input.requestedBy, correlationId: input.correlationId });
    expect(new Date(event.occurredAt).toISOString()).toBe(event.occurredAt);
  }
  expect(events[0].data).toEqual({ jobId: input.jobId, workflowId: workflowIdForRun(input.runId), attempt: 1 });
}

/** A promise with its resolve function, for a stub step to say it has started. */
function signalled(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/**
 * A step that heartbeats until Temporal cancels it, as job code honouring its signal does; it records the
 * cancellation in `calls` and rethrows it, so the workflow sees the step end cancelled.
 */
function waitsForCancellation(started: () => void, calls: string[]): StepBehaviour {
  return async (input) => {
    const activity = Context.current();
    const heartbeat = setInterval(() => activity.heartbeat(), 50);
    started();
    try {
      await activity.cancelled;
      throw new Error('unreachable: Context.cancelled only rejects');
    } catch (error) {
      calls.push(`${input.step}:cancelled`);
      throw error;
    } finally {
      clearInterval(heartbeat);
    }
  };
}

/** A step that sleeps, heartbeating, and stops when cancelled (Context.sleep rejects then). */
function sleepsHeartbeating(milliseconds: number, calls: string[]): StepBehaviour {
  return async (input) => {
    const activity = Context.current();
    const heartbeat = setInterval(() => activity.heartbeat(), 50);
    try {
      await activity.sleep(milliseconds);
      calls.push(`${input.step}:slept`);
      return { result: 'woke up', failureCount: 0 };
    } catch (error) {
      calls.push(`${input.step}:cancelled`);
      throw error;
    } finally {
      clearInterval(heartbeat);
    }
  };
}

describe('runJobWorkflow', () => {
  it('runs every step in order, gives test steps the run result, runs post_run last and completes', async () => {
    const stub = stubActivities({ run: () => ({ result: { answer: 42 }, failureCount: 0 }) });
    // post_run is listed early on purpose: it must still run last.
    const input = runInput(['run', 'post_run', 'test_one', 'test_two']);
    const outcome = await runWorkflow(stub.activities, input);

    expect(stub.steps.map((call) => call.step)).toEqual(['run', 'test_one', 'test_two', 'post_run']);
    expect(stub.steps.map((call) => call.runResult)).toEqual([null, { answer: 42 }, { answer: 42 }, { answer: 42 }]);
    expect(outcome).toEqual({ status: 'completed', result: { answer: 42 } });
    expectLifecycle(stub.events, input, 'run.completed');
    expect(stub.events[1].data).toEqual({ result: { answer: 42 } });
  });

  it('completes a job without post_run after its last step', async () => {
    const stub = stubActivities({ run: () => ({ result: 'done', failureCount: 0 }) });
    const input = runInput(['run', 'test_only']);
    const outcome = await runWorkflow(stub.activities, input);
    expect(stub.steps.map((call) => call.step)).toEqual(['run', 'test_only']);
    expect(outcome).toEqual({ status: 'completed', result: 'done' });
    expectLifecycle(stub.events, input, 'run.completed');
  });

  it('errors on a JobCodeError: skips the remaining test steps, still runs post_run, and reports the step and message', async () => {
    const stub = stubActivities({
      run: () => ({ result: { partial: true }, failureCount: 0 }),
      test_one: () => {
        throw ApplicationFailure.nonRetryable('device unreachable', JOB_CODE_ERROR_TYPE);
      },
    });
    const input = runInput(['run', 'test_one', 'test_two', 'test_three', 'post_run']);
    const outcome = await runWorkflow(stub.activities, input);

    expect(stub.steps.map((call) => call.step)).toEqual(['run', 'test_one', 'post_run']);
    // Not retried: the job's own exception is final.
    expect(stub.steps.find((call) => call.step === 'test_one')?.attempt).toBe(1);
    const error = { message: 'device unreachable', type: 'JobCodeError', step: 'test_one' };
    expect(outcome).toEqual({ status: 'errored', result: { partial: true }, error });
    expectLifecycle(stub.events, input, 'run.errored');
    expect(stub.events[1].data).toEqual({ result: { partial: true }, error });
  });

  it('errors with a null result when run itself throws, and does not retry a JobCodeError marked retryable', async () => {
    const stub = stubActivities({
      run: () => {
        throw ApplicationFailure.retryable('bad input', JOB_CODE_ERROR_TYPE);
      },
    });
    const input = runInput(['run', 'test_one', 'post_run']);
    const outcome = await runWorkflow(stub.activities, input);

    expect(stub.steps.map((call) => [call.step, call.attempt])).toEqual([
      ['run', 1],
      ['post_run', 1],
    ]);
    expect(outcome).toEqual({ status: 'errored', result: null, error: { message: 'bad input', type: 'JobCodeError', step: 'run' } });
    expectLifecycle(stub.events, input, 'run.errored');
  });

  it('keeps the first error when post_run also throws, and reports a post_run error alone', async () => {
    const throwing = (message: string) => () => {
      throw ApplicationFailure.nonRetryable(message, JOB_CODE_ERROR_TYPE);
    };
    const both = stubActivities({ test_one: throwing('first'), post_run: throwing('cleanup failed') });
    const bothOutcome = await runWorkflow(both.activities, runInput(['run', 'test_one', 'post_run']));
    expect(bothOutcome).toMatchObject({ status: 'errored', error: { message: 'first', step: 'test_one' } });

    const onlyPostRun = stubActivities({ post_run: throwing('cleanup failed') });
    const input = runInput(['run', 'test_one', 'post_run']);
    const postRunOutcome = await runWorkflow(onlyPostRun.activities, input);
    expect(onlyPostRun.steps.map((call) => call.step)).toEqual(['run', 'test_one', 'post_run']);
    expect(postRunOutcome).toMatchObject({ status: 'errored', error: { message: 'cleanup failed', type: 'JobCodeError', step: 'post_run' } });
    expectLifecycle(onlyPostRun.events, input, 'run.errored');
  });

  it('fails, summing failure counts over all steps, when any step logged a failure', async () => {
    const stub = stubActivities({
      run: () => ({ result: { checked: 2 }, failureCount: 0 }),
      test_one: () => ({ result: null, failureCount: 2 }),
      post_run: () => ({ result: 'ignored', failureCount: 1 }),
    });
    const input = runInput(['run', 'test_one', 'test_two', 'post_run']);
    const outcome = await runWorkflow(stub.activities, input);

    expect(stub.steps.map((call) => call.step)).toEqual(['run', 'test_one', 'test_two', 'post_run']);
    // Only run's return value is the run's result.
    expect(outcome).toEqual({ status: 'failed', result: { checked: 2 }, failureCount: 3 });
    expectLifecycle(stub.events, input, 'run.failed');
    expect(stub.events[1].data).toEqual({ result: { checked: 2 }, failureCount: 3 });
  });

  it('retries a step that failed for a reason other than job code', async () => {
    const stub = stubActivities({
      run: (_input, attempt) => {
        if (attempt === 1) throw new Error('NATS went away');
        return { result: 'second time lucky', failureCount: 0 };
      },
    });
    const input = runInput(['run']);
    const outcome = await runWorkflow(stub.activities, input);
    expect(stub.steps.map((call) => [call.step, call.attempt])).toEqual([
      ['run', 1],
      ['run', 2],
    ]);
    expect(outcome).toEqual({ status: 'completed', result: 'second time lucky' });
    expectLifecycle(stub.events, input, 'run.completed');
  });
});
