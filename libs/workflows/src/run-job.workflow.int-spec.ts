/**
 * The run workflow against the real Temporal dev server (127.0.0.1:7233, namespace `default`), with stub
 * activities that record what the workflow asked of them. Each test has its own task queue and worker.
 */
import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import { WorkflowFailedError, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure, CancelledFailure, defineSearchAttributeKey } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  CONCURRENCY_SLOT_FREED_SIGNAL,
  INFRASTRUCTURE_FAULT_ERROR_TYPE,
  JOB_CODE_ERROR_TYPE,
  REQUEST_CANCEL_UPDATE,
  RUN_ALREADY_FINISHING_FAILURE_TYPE,
  RUN_END_FAILURE_TYPES,
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
import type { ConcurrencySlotRelease, ConcurrencySlotRequest, ExecuteStepInput, RunActivities, RunEventDraft, SlotClaim, SlotHandOver } from './index';
import { bundleWorkflowsFromSource } from './replay-histories/bundle-from-source';

jest.setTimeout(60_000);

const TEMPORAL_ADDRESS = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const NAMESPACE = process.env.TEMPORAL_NAMESPACE ?? 'default';

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
  bundle = await bundleWorkflowsFromSource();
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
function stubActivities(
  behaviours: Record<string, StepBehaviour> = {},
  options: { calls?: string[]; acquire?: (request: ConcurrencySlotRequest) => Promise<number>; claim?: (claim: SlotClaim) => Promise<number | null> } = {},
) {
  const steps: Array<{ step: string; runResult: JsonValue; attempt: number }> = [];
  const events: RunEventDraft[] = [];
  /** What each executeJobStep call was given to publish first, in call order. */
  const announced: Array<RunEventDraft | null> = [];
  const calls = options.calls ?? [];
  const acquired: ConcurrencySlotRequest[] = [];
  const released: ConcurrencySlotRelease[] = [];
  const discarded: Array<readonly string[]> = [];
  const claimed: SlotClaim[] = [];
  const handedOver: SlotHandOver[] = [];
  const attempts = new Map<string, number>();
  const activities: RunActivities = {
    async publishRunEvent(draft) {
      events.push(draft);
      calls.push(`event:${draft.type}`);
    },
    async executeJobStep(input) {
      const attempt = (attempts.get(input.step) ?? 0) + 1;
      attempts.set(input.step, attempt);
      // As the collector's step does: the drafted run.started goes out first, stored once however often it is sent.
      announced.push(input.announce ?? null);
      if (input.announce && !events.some(({ id }) => id === input.announce?.id)) {
        events.push(input.announce);
        calls.push(`event:${input.announce.type}`);
      }
      steps.push({ step: input.step, runResult: input.runResult, attempt });
      calls.push(`step:${input.step}`);
      const behaviour = behaviours[input.step];
      return behaviour ? behaviour(input, attempt) : { result: null, failureCount: 0 };
    },
    async acquireConcurrencySlot(request) {
      acquired.push(request);
      calls.push('acquire');
      return options.acquire ? options.acquire(request) : 0;
    },
    async releaseConcurrencySlot(release) {
      released.push(release);
      calls.push('release');
    },
    async claimConcurrencySlotOrQueue(claim) {
      claimed.push(claim);
      calls.push('claim');
      return { slot: options.claim ? await options.claim(claim) : 0 };
    },
    async handOverConcurrencySlot(handOver) {
      handedOver.push(handOver);
      calls.push('hand over');
      return { wake: [] };
    },
    async discardRunFiles(request) {
      discarded.push(request.fileIds);
      calls.push('discard');
    },
  };
  return { activities, steps, events, announced, calls, acquired, released, discarded, claimed, handedOver };
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
  return withWorkflow(activities, input, (handle) => handle.result().catch(outcomeInFailure));
}

/** A failed, errored or timed-out run fails its workflow with a typed, non-retryable failure whose detail is its outcome. */
function outcomeInFailure(error: unknown): RunOutcome {
  const cause = error instanceof WorkflowFailedError ? error.cause : undefined;
  if (!(cause instanceof ApplicationFailure) || !Object.values(RUN_END_FAILURE_TYPES).some((type) => type === cause.type)) throw error;
  expect(cause.nonRetryable).toBe(true);
  const outcome = cause.details?.[0] as RunOutcome;
  expect(cause.type).toBe(RUN_END_FAILURE_TYPES[outcome.status as keyof typeof RUN_END_FAILURE_TYPES]);
  return outcome;
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
    // The search attribute follows the run to its end; the workflow itself completed.
    expect(await describeRun(input)).toEqual({ status: 'COMPLETED', runStatus: 'completed' });
  });

  it('leaves run.started to the first step, so the first workflow task schedules the step without a local activity', async () => {
    const stub = stubActivities({ run: () => ({ result: 'done', failureCount: 0 }) });
    const input = runInput(['run', 'test_one', 'post_run']);
    await runWorkflow(stub.activities, input);
    expect(stub.announced.map((draft) => draft?.type ?? null)).toEqual(['run.started', null, null]);
    expectLifecycle(stub.events, input, 'run.completed');
    const history = await env.client.workflow.getHandle(workflowIdForRun(input.runId)).fetchHistory();
    const events = history.events ?? [];
    const firstStep = events.findIndex((event) => event.activityTaskScheduledEventAttributes);
    const beforeFirstStep = events.slice(0, firstStep);
    // The first task's commands: the status, then the step; no local activity's marker before it, and (runJobWorkflowV2)
    // no patch marker or TemporalChangeVersion upsert for the changes runJobWorkflow patched in.
    expect(beforeFirstStep.filter((event) => event.workflowTaskCompletedEventAttributes)).toHaveLength(1);
    expect(beforeFirstStep.filter((event) => event.markerRecordedEventAttributes?.markerName === 'core_local_activity')).toHaveLength(0);
    const patches = beforeFirstStep.flatMap((event) => {
      const marker = event.markerRecordedEventAttributes;
      if (marker?.markerName !== 'core_patch') return [];
      return (marker.details?.['patch-data']?.payloads ?? []).map((payload) => (JSON.parse(Buffer.from(payload.data ?? []).toString()) as { id: string }).id);
    });
    expect(patches).toEqual([]);
    expect(beforeFirstStep.filter((event) => event.upsertWorkflowSearchAttributesEventAttributes)).toHaveLength(1);
  });

  it('publishes run.started itself when the job has no step before post_run', async () => {
    const stub = stubActivities();
    const input = runInput(['post_run']);
    await runWorkflow(stub.activities, input);
    expect(stub.announced).toEqual([null]);
    expect(stub.calls).toEqual(['event:run.started', 'step:post_run', 'event:run.completed']);
    expectLifecycle(stub.events, input, 'run.completed');
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
    expect(await describeRun(input)).toEqual({ status: 'FAILED', runStatus: 'errored' });
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
    expect(await describeRun(input)).toEqual({ status: 'FAILED', runStatus: 'failed' });
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

describe('runJobWorkflow: cancellation', () => {
  it('stops the running step, skips the rest, still runs post_run, records who cancelled, and ends Canceled in Temporal', async () => {
    const calls: string[] = [];
    const started = signalled();
    let postRunAborted: boolean | null = null;
    const stub = stubActivities(
      {
        run: () => ({ result: { checked: 1 }, failureCount: 0 }),
        test_one: waitsForCancellation(started.resolve, calls),
        post_run: async () => {
          const activity = Context.current();
          // post_run runs in a non-cancellable scope: its activity is not cancelled, so this sleep completes.
          await activity.sleep(300);
          postRunAborted = activity.cancellationSignal.aborted;
          return { result: 'ignored', failureCount: 0 };
        },
      },
      { calls },
    );
    const input = runInput(['run', 'test_one', 'test_two', 'post_run']);

    const { error, whileRunning } = await withWorkflow(stub.activities, input, async (handle) => {
      await started.promise;
      const whileRunning = await describeRun(input);
      await handle.signal('cancelRequested', { by: 'alice' });
      await handle.cancel();
      return { whileRunning, error: await handle.result().then(() => null, (caught: unknown) => caught) };
    });

    expect(whileRunning).toEqual({ status: 'RUNNING', runStatus: 'running' });
    expect(error).toBeInstanceOf(WorkflowFailedError);
    expect((error as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);
    // test_one stopped before post_run started (a live worker confirms within the wait for it); test_two never ran.
    expect(calls.filter((call) => !call.startsWith('event:'))).toEqual(['step:run', 'step:test_one', 'test_one:cancelled', 'step:post_run']);
    expect(postRunAborted).toBe(false);
    expect(stub.events.map((event) => event.type)).toEqual(['run.started', 'run.log', 'run.cancelled']);
    expect(stub.events[1].data).toMatchObject({ level: 'warning', grouping: 'test_one', message: 'The run was cancelled by alice during step test_one' });
    expect(stub.events[2]).toMatchObject({ id: `${input.runId}:run.cancelled`, actor: 'alice', sequence: 4 });
    expect(stub.events[2].data).toEqual({ result: { checked: 1 }, cancelledBy: 'alice', step: 'test_one' });
    expect(await describeRun(input)).toEqual({ status: 'CANCELLED', runStatus: 'cancelled' });
  });

  it("discards the run's files before its terminal event, whatever the ending, and schedules nothing for a run without files", async () => {
    const fileIds = [randomUUID(), randomUUID()];
    const completed = stubActivities();
    await runWorkflow(completed.activities, runInput(['run', 'post_run'], { fileIds }));
    expect(completed.calls.filter((call) => call === 'discard' || call.startsWith('event:run.completed'))).toEqual(['discard', 'event:run.completed']);
    expect(completed.discarded).toEqual([fileIds]);

    const errored = stubActivities({
      run: () => {
        throw ApplicationFailure.nonRetryable('boom', JOB_CODE_ERROR_TYPE);
      },
    });
    expect(await runWorkflow(errored.activities, runInput(['run'], { fileIds }))).toMatchObject({ status: 'errored' });
    expect(errored.discarded).toEqual([fileIds]);

    const calls: string[] = [];
    const started = signalled();
    const cancelled = stubActivities({ run: waitsForCancellation(started.resolve, calls) }, { calls });
    const input = runInput(['run'], { fileIds });
    await withWorkflow(cancelled.activities, input, async (handle) => {
      await started.promise;
      await handle.cancel();
      return handle.result().catch(() => null);
    });
    expect(cancelled.discarded).toEqual([fileIds]);
    expect(calls.indexOf('discard')).toBeLessThan(calls.indexOf('event:run.cancelled'));

    const withoutFiles = stubActivities();
    await runWorkflow(withoutFiles.activities, runInput(['run']));
    expect(withoutFiles.discarded).toEqual([]);
  });

  it('attributes a cancellation without the signal (the Web UI, the CLI) to Temporal', async () => {
    const calls: string[] = [];
    const started = signalled();
    const stub = stubActivities({ run: waitsForCancellation(started.resolve, calls) }, { calls });
    const input = runInput(['run', 'post_run']);

    const error = await withWorkflow(stub.activities, input, async (handle) => {
      await started.promise;
      await handle.cancel();
      return handle.result().then(() => null, (caught: unknown) => caught);
    });

    expect((error as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);
    expect(stub.steps.map((call) => call.step)).toEqual(['run', 'post_run']);
    expect(stub.events.at(-1)?.data).toEqual({ result: null, cancelledBy: TEMPORAL_ACTOR, step: 'run' });
    expect(await describeRun(input)).toEqual({ status: 'CANCELLED', runStatus: 'cancelled' });
  });

  it('cancelled while waiting for a concurrency slot: no step runs, it leaves the queue, run.cancelled has no step', async () => {
    const waiting = signalled();
    const stub = stubActivities(
      {},
      {
        claim: async () => {
          waiting.resolve();
          return null;
        },
      },
    );
    const rule = { mode: 'limit', maxRuns: 1, keyVariables: [] } as const;
    const scope = 'examples_Stubbed.0000000000000000';
    const input = runInput(['run', 'post_run'], { concurrency: { rule, scope, heldSlot: null } });

    const error = await withWorkflow(stub.activities, input, async (handle) => {
      await waiting.promise;
      await handle.signal('cancelRequested', { by: 'bob' });
      await handle.cancel();
      return handle.result().then(() => null, (caught: unknown) => caught);
    });

    expect((error as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);
    expect(stub.steps).toEqual([]);
    expect(stub.handedOver).toEqual([{ scope, slots: 1, slot: null, runId: input.runId }]);
    expect(stub.events.map((event) => event.type)).toEqual(['run.cancelled']);
    expect(stub.events[0].data).toEqual({ result: null, cancelledBy: 'bob', step: null });
    expect(await describeRun(input)).toEqual({ status: 'CANCELLED', runStatus: 'cancelled' });
  });
});

describe('runJobWorkflow: timeouts', () => {
  it('times the run out after runTimeoutSeconds: cuts the step off, logs a failure naming it, still runs post_run', async () => {
    const calls: string[] = [];
    const stub = stubActivities({ run: sleepsHeartbeating(5_000, calls) }, { calls });
    const input = runInput(['run', 'test_one', 'post_run'], { runTimeoutSeconds: 1 });

    const outcome = await runWorkflow(stub.activities, input);

    const error = { message: 'The run timed out after 1 s; step run was cut off', type: 'RunTimeout', step: 'run' };
    expect(outcome).toEqual({ status: 'timed_out', result: null, error });
    // The 5 s step was cut off ('run:cancelled'), not waited for ('run:slept' would follow its full sleep): a fact, not a timing.
    expect(calls.filter((call) => !call.startsWith('event:'))).toEqual(['step:run', 'run:cancelled', 'step:post_run']);
    expect(stub.events.map((event) => event.type)).toEqual(['run.started', 'run.log', 'run.timed_out']);
    expect(stub.events[1].data).toMatchObject({ level: 'failure', grouping: 'run', message: error.message });
    expect(stub.events[2]).toMatchObject({ id: `${input.runId}:run.timed_out` });
    expect(stub.events[2].data).toEqual({ result: null, error });
    expect(await describeRun(input)).toEqual({ status: 'FAILED', runStatus: 'timed_out' });
  });

  it('times out a step that runs past stepTimeoutSeconds once its attempts are spent, and still runs post_run', async () => {
    const calls: string[] = [];
    const stub = stubActivities({ test_one: sleepsHeartbeating(5_000, calls) }, { calls });
    const input = runInput(['run', 'test_one', 'test_two', 'post_run'], { stepTimeoutSeconds: 1, retry: { ...FAST_RETRY, maximumAttempts: 1 } });

    const outcome = await runWorkflow(stub.activities, input);

    const error = { message: 'Step test_one ran past its step timeout of 1 s', type: 'StepTimeout', step: 'test_one' };
    expect(outcome).toEqual({ status: 'timed_out', result: null, error });
    expect(stub.steps.map((call) => call.step)).toEqual(['run', 'test_one', 'post_run']);
    // The log says which step ran out of time, as for the whole-run timeout.
    expect(stub.events.map((event) => event.type)).toEqual(['run.started', 'run.log', 'run.timed_out']);
    expect(stub.events[1].data).toMatchObject({ level: 'failure', grouping: 'test_one', message: error.message });
    expect(await describeRun(input)).toEqual({ status: 'FAILED', runStatus: 'timed_out' });
  });
});

describe('runJobWorkflow: retries', () => {
  const infrastructureFault = () => ApplicationFailure.retryable('edge-01 did not answer', INFRASTRUCTURE_FAULT_ERROR_TYPE);

  it('retries an InfrastructureFault by the retry policy and completes when a later attempt succeeds', async () => {
    const stub = stubActivities({
      run: (_input, attempt) => {
        if (attempt <= 2) throw infrastructureFault();
        return { result: { answeredOnAttempt: attempt }, failureCount: 0 };
      },
    });
    const input = runInput(['run', 'post_run']);
    const outcome = await runWorkflow(stub.activities, input);

    expect(stub.steps.map((call) => [call.step, call.attempt])).toEqual([
      ['run', 1],
      ['run', 2],
      ['run', 3],
      ['post_run', 1],
    ]);
    expect(outcome).toEqual({ status: 'completed', result: { answeredOnAttempt: 3 } });
    expectLifecycle(stub.events, input, 'run.completed');
    // Every attempt of the first step carries the same run.started (one id: stored once), post_run none.
    expect(stub.announced.map((draft) => draft?.id ?? null)).toEqual([stub.events[0].id, stub.events[0].id, stub.events[0].id, null]);
    expect(await describeRun(input)).toEqual({ status: 'COMPLETED', runStatus: 'completed' });
  });

  it('errors with the fault once maximumAttempts are spent, and still runs post_run', async () => {
    const stub = stubActivities({
      run: () => {
        throw infrastructureFault();
      },
    });
    const input = runInput(['run', 'post_run'], { retry: { ...FAST_RETRY, maximumAttempts: 2 } });
    const outcome = await runWorkflow(stub.activities, input);

    expect(stub.steps.map((call) => [call.step, call.attempt])).toEqual([
      ['run', 1],
      ['run', 2],
      ['post_run', 1],
    ]);
    expect(outcome).toEqual({ status: 'errored', result: null, error: { message: 'edge-01 did not answer', type: 'InfrastructureFault', step: 'run' } });
    expect(await describeRun(input)).toEqual({ status: 'FAILED', runStatus: 'errored' });
  });
});

describe('runJobWorkflow: lost workers', () => {
  /** An attempt whose worker stops answering: no heartbeat, so Temporal times it out as a dead collector's would be. */
  const losesItsWorker = () => new Promise<StepOutcome>((resolve) => setTimeout(() => resolve({ result: 'too late', failureCount: 0 }), 2_500));

  it("survives more lost workers than the job's retry policy has attempts: they spend the worker-loss budget", async () => {
    const seen: Array<{ attempt?: number; jobAttempt?: number }> = [];
    const stub = stubActivities({
      run: async (input, call) => {
        seen.push({ attempt: input.attempt, jobAttempt: input.jobAttempt });
        if (call <= 4) return losesItsWorker();
        return { result: 'done', failureCount: 0 };
      },
    });
    const input = runInput(['run'], { heartbeatTimeoutSeconds: 1, retry: FAST_RETRY });

    const outcome = await runWorkflow(stub.activities, input);

    expect(outcome).toEqual({ status: 'completed', result: 'done' });
    expect(seen).toEqual([1, 2, 3, 4, 5].map((attempt) => ({ attempt, jobAttempt: 1 })));
  });

  it('errors naming the lost workers once YARD_MAX_WORKER_LOSSES is spent', async () => {
    const stub = stubActivities({ run: () => losesItsWorker() });
    const input = runInput(['run'], { heartbeatTimeoutSeconds: 1, maxWorkerLosses: 1 });

    const outcome = await runWorkflow(stub.activities, input);

    expect(outcome).toMatchObject({ status: 'errored', error: { type: 'WorkerLost', step: 'run' } });
    expect(stub.steps.map(({ attempt }) => attempt)).toEqual([1, 2]);
  });

  it("still counts a job's own faults against its retry policy", async () => {
    const stub = stubActivities({
      run: () => {
        throw ApplicationFailure.retryable('device busy', INFRASTRUCTURE_FAULT_ERROR_TYPE);
      },
    });
    const input = runInput(['run'], { retry: FAST_RETRY, maxWorkerLosses: 10 });

    const outcome = await runWorkflow(stub.activities, input);

    expect(outcome).toMatchObject({ status: 'errored', error: { message: 'device busy', step: 'run' } });
    expect(stub.steps).toHaveLength(FAST_RETRY.maximumAttempts);
  });
});

describe('runJobWorkflow: concurrency slots', () => {
  const scope = 'examples_Stubbed.0123456789abcdef';

  it('claims a slot of a limit before run.started, and hands the slot it got on after its terminal event', async () => {
    const stub = stubActivities({}, { claim: async () => 1 });
    const rule = { mode: 'limit', maxRuns: 2, keyVariables: ['name'] } as const;
    const input = runInput(['run', 'post_run'], { concurrency: { rule, scope, heldSlot: null } });

    const outcome = await runWorkflow(stub.activities, input);

    expect(outcome).toEqual({ status: 'completed', result: null });
    expect(stub.claimed).toEqual([{ scope, slots: 2, runId: input.runId }]);
    expect(stub.acquired).toEqual([]);
    expect(stub.handedOver).toEqual([{ scope, slots: 2, slot: 1, runId: input.runId }]);
    expect(stub.calls).toEqual(['claim', 'event:run.started', 'step:run', 'step:post_run', 'event:run.completed', 'hand over']);
  });

  it('waits in the workflow, not in an activity: queued, it claims again when signalled that a slot was freed', async () => {
    const queued = signalled();
    let claims = 0;
    const stub = stubActivities(
      {},
      {
        claim: async () => {
          claims++;
          if (claims > 1) return 0;
          queued.resolve();
          return null;
        },
      },
    );
    const rule = { mode: 'limit', maxRuns: 1, keyVariables: [] } as const;
    const input = runInput(['run'], { concurrency: { rule, scope, heldSlot: null } });

    const outcome = await withWorkflow(stub.activities, input, async (handle) => {
      await queued.promise;
      const pending = await handle.describe();
      await handle.signal(CONCURRENCY_SLOT_FREED_SIGNAL);
      return { pendingActivities: pending.raw.pendingActivities?.length ?? 0, outcome: await handle.result() };
    });

    expect(outcome).toEqual({ pendingActivities: 0, outcome: { status: 'completed', result: null } });
    expect(stub.calls).toEqual(['claim', 'claim', 'event:run.started', 'step:run', 'event:run.completed', 'hand over']);
  });

  it("does not acquire a singleton's slot, which the scheduler already holds, and releases it even when the run errors", async () => {
    const stub = stubActivities({
      run: () => {
        throw ApplicationFailure.nonRetryable('boom', JOB_CODE_ERROR_TYPE);
      },
    });
    const rule = { mode: 'singleton', keyVariables: [] } as const;
    const input = runInput(['run', 'post_run'], { concurrency: { rule, scope, heldSlot: 0 } });

    const outcome = await runWorkflow(stub.activities, input);

    expect(outcome).toMatchObject({ status: 'errored', error: { message: 'boom', step: 'run' } });
    expect(stub.acquired).toEqual([]);
    expect(stub.claimed).toEqual([]);
    expect(stub.handedOver).toEqual([{ scope, slots: 1, slot: 0, runId: input.runId }]);
    expect(stub.calls).toEqual(['event:run.started', 'step:run', 'step:post_run', 'event:run.errored', 'hand over']);
  });

  it('releases the slot of a cancelled run', async () => {
    const calls: string[] = [];
    const started = signalled();
    const stub = stubActivities({ run: waitsForCancellation(started.resolve, calls) }, { calls });
    const rule = { mode: 'singleton', keyVariables: [] } as const;
    const input = runInput(['run'], { concurrency: { rule, scope, heldSlot: 0 } });

    await withWorkflow(stub.activities, input, async (handle) => {
      await started.promise;
      await handle.cancel();
      await handle.result().catch(() => undefined);
    });

    expect(stub.handedOver).toEqual([{ scope, slots: 1, slot: 0, runId: input.runId }]);
    expect(calls.slice(-2)).toEqual(['event:run.cancelled', 'hand over']);
  });
});

describe('runJobWorkflow: cancels confirmed by the requestCancel Update', () => {
  it('accepts a cancel while a step runs: the run ends cancelled by the caller, and Canceled in Temporal once Temporal cancels it too', async () => {
    const calls: string[] = [];
    const started = signalled();
    const stub = stubActivities({ run: waitsForCancellation(started.resolve, calls) }, { calls });
    const input = runInput(['run', 'post_run']);

    const { accepted, error } = await withWorkflow(stub.activities, input, async (handle) => {
      await started.promise;
      const accepted = await handle.executeUpdate(REQUEST_CANCEL_UPDATE, { args: [{ by: 'dora' }] });
      await handle.cancel();
      return { accepted, error: await handle.result().then(() => null, (caught: unknown) => caught) };
    });

    expect(accepted).toEqual({ cancelledBy: 'dora' });
    expect((error as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);
    expect(stub.steps.map((call) => call.step)).toEqual(['run', 'post_run']);
    expect(stub.events.at(-1)?.data).toEqual({ result: null, cancelledBy: 'dora', step: 'run' });
    expect(await describeRun(input)).toEqual({ status: 'CANCELLED', runStatus: 'cancelled' });
  });

  it('refuses a cancel once the run has decided its ending (post_run running): RunAlreadyFinishing, and the run completes', async () => {
    const inPostRun = signalled();
    const release = signalled();
    const stub = stubActivities({
      post_run: async () => {
        inPostRun.resolve();
        await release.promise;
        return { result: null, failureCount: 0 };
      },
    });
    const input = runInput(['run', 'post_run']);

    const { refusal, outcome } = await withWorkflow(stub.activities, input, async (handle) => {
      await inPostRun.promise;
      const refusal = await handle.executeUpdate(REQUEST_CANCEL_UPDATE, { args: [{ by: 'dora' }] }).then(() => null, (caught: unknown) => caught);
      release.resolve();
      return { refusal, outcome: await handle.result() };
    });

    expect(refusal).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((refusal as WorkflowUpdateFailedError).cause).toMatchObject({ type: RUN_ALREADY_FINISHING_FAILURE_TYPE });
    expect(outcome).toEqual({ status: 'completed', result: null });
  });
});

describe('runJobWorkflow: a step whose worker does not confirm its cancellation', () => {
  it('ends cancelled without waiting for the step (a dead worker never confirms), then runs post_run', async () => {
    const started = signalled();
    const stub = stubActivities({
      // Never heartbeats, so it never hears of the cancellation, and runs past the 2 s the run waits: a dead worker to the run.
      run: async () => {
        started.resolve();
        await new Promise((resolve) => setTimeout(resolve, 4_000));
        return { result: null, failureCount: 0 };
      },
    });
    const input = runInput(['run', 'post_run'], { heartbeatTimeoutSeconds: 30 });

    const error = await withWorkflow(stub.activities, input, async (handle) => {
      await started.promise;
      await handle.executeUpdate(REQUEST_CANCEL_UPDATE, { args: [{ by: 'erin' }] });
      await handle.cancel();
      return handle.result().then(() => null, (caught: unknown) => caught);
    });

    expect((error as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);
    expect(stub.steps.map((call) => call.step)).toEqual(['run', 'post_run']);
    expect(stub.events.at(-1)?.data).toEqual({ result: null, cancelledBy: 'erin', step: 'run' });
  });
});
