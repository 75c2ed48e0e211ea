import type { RunEventDraft } from '@yardmaster/workflows';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { unusedInventoryStore } from '../test-support/unused-inventory';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import {
  DEFAULT_RETRY_POLICY,
  INFRASTRUCTURE_FAULT_ERROR_TYPE,
  JOB_CODE_ERROR_TYPE,
  JOB_NOT_HOSTED_ERROR_TYPE,
  LOG_DELIVERY_FAILED_ERROR_TYPE,
  RUN_START_ABANDONED_ERROR_TYPE,
  runLogBatchSchema,
  runLogEventsOf,
  type EventEnvelope,
  type JsonObject,
  type JsonValue,
  type RunLogged,
  type RunWorkflowInput,
  type StepOutcome,
} from '@yardmaster/contracts';
import { InfrastructureFault, Job, JobRegistry, validateRunData, type JobContext } from '@yardmaster/job-sdk';
import type { EventPublisher, RunStartClaimer } from '@yardmaster/messaging';
import { BUILTIN_JOB_MODULES } from '../jobs/builtin-job-modules';
import { createExecuteJobStep } from './execute-job-step.activity';
import { publishOneByOne } from './log-delivery/publish-one-by-one';

/** Claims as the KV bucket would: the first claim of a run id holds; `abandoned` ones are made by the test. */
class FakeStartClaims implements RunStartClaimer {
  readonly claims = new Map<string, 'started' | 'abandoned'>();
  failuresLeft = 0;
  /** How long a failing try takes: a request to a NATS that is away waits for its timeout. */
  failureMs = 0;

  async claimStart(runId: string): Promise<'started' | 'abandoned'> {
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      await new Promise((resolve) => setTimeout(resolve, this.failureMs));
      throw new Error('TIMEOUT');
    }
    const claim = this.claims.get(runId) ?? 'started';
    this.claims.set(runId, claim);
    return claim;
  }
}

class FakePublisher {
  readonly published: Array<{ subject: string; event: EventEnvelope }> = [];
  error: Error | null = null;

  async publish(subject: string, event: EventEnvelope): Promise<number> {
    if (this.error) throw this.error;
    this.published.push({ subject, event });
    return this.published.length;
  }

  readonly publishBatch = publishOneByOne((subject, event) => this.publish(subject, event));

  asEventPublisher(): EventPublisher {
    return this as unknown as EventPublisher;
  }

  /** The log entries only (every step also publishes run.step_started first), as the run.log events their batches carry. */
  logs(): Array<{ subject: string; event: RunLogged }> {
    return this.published
      .filter(({ event }) => event.type === 'run.log_batch')
      .flatMap(({ subject, event }) => runLogEventsOf(runLogBatchSchema.parse(event)).map((line) => ({ subject, event: line })));
  }

  /** Every event as readers see them: a batch of log entries as the run.log events it carries. */
  shown(): Array<{ subject: string; event: EventEnvelope }> {
    return this.published.flatMap(({ subject, event }) =>
      event.type === 'run.log_batch' ? runLogEventsOf(runLogBatchSchema.parse(event)).map((line) => ({ subject, event: line as EventEnvelope })) : [{ subject, event }],
    );
  }

  entries(): Array<[level: string, message: string]> {
    return this.logs().map(({ event }) => [event.data.level, event.data.message]);
  }
}

const INSTANCE = 'unit_test';
/** Gives up quickly, so a test of the give-up is short. */
const logDelivery = { limits: { maxEntries: 1000, maxBytes: 1024 * 1024, giveUpAfterMs: 600 }, natsAddress: '127.0.0.1:4999' };
const WORKER_ID = 'collector-test@host:1';
const registry = new JobRegistry(BUILTIN_JOB_MODULES);

/** The input the workflow would send: data validated against the job's variables, with defaults filled in as the scheduler does. */
function inputFor(jobId: string, given: JsonObject, step = 'run', runResult: JsonValue = null, jobRegistry = registry) {
  const definition = jobRegistry.find(jobId)?.definition;
  if (!definition) throw new Error(`no job ${jobId} in the registry`);
  const validation = validateRunData(definition.variables, given);
  if (!validation.ok) throw new Error(`bad test data: ${JSON.stringify(validation.errors)}`);
  const run: RunWorkflowInput = {
    runId: 'run-1',
    jobId,
    jobName: definition.name,
    data: validation.data,
    commit: true,
    queue: 'default',
    requestedBy: 'alice',
    correlationId: 'corr-1',
    steps: definition.steps,
    runTimeoutSeconds: 600,
    stepTimeoutSeconds: 60,
    heartbeatTimeoutSeconds: 10,
    retry: DEFAULT_RETRY_POLICY,
    concurrency: null,
  };
  return { run, step, runResult };
}

/** An activity context; the SDK's own "Activity failed" warnings are kept out of the test output. */
function mockEnvironment(info: { attempt?: number } = {}): MockActivityEnvironment {
  return new MockActivityEnvironment(info, { logger: new DefaultLogger('ERROR') });
}

async function failureOf(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await promise.then(
    (value) => {
      throw new Error(`expected the step to fail, it returned ${JSON.stringify(value)}`);
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApplicationFailure);
  return error as ApplicationFailure;
}

describe('executeJobStep', () => {
  let publisher: FakePublisher;
  let startClaims: FakeStartClaims;
  let executeJobStep: ReturnType<typeof createExecuteJobStep>;

  beforeEach(() => {
    publisher = new FakePublisher();
    startClaims = new FakeStartClaims();
    executeJobStep = createExecuteJobStep({ registry: () => registry, publisher: publisher.asEventPublisher(), instance: INSTANCE, workerId: WORKER_ID, runDataStages: [], inventory: unusedInventoryStore, logDelivery, startClaims });
  });

  it('runs Hello World and returns its greeting, after publishing 3 info and 1 success entries', async () => {
    const env = mockEnvironment({ attempt: 1 });
    const outcome = (await env.run(executeJobStep, inputFor('examples.HelloWorld', { name: 'x' }))) as StepOutcome;

    expect(outcome).toEqual<StepOutcome>({ result: { greeting: 'Hello, x' }, failureCount: 0 });
    expect(publisher.entries()).toEqual([
      ['info', 'Hello, x (1 of 3)'],
      ['info', 'Hello, x (2 of 3)'],
      ['info', 'Hello, x (3 of 3)'],
      ['success', 'Greeted x 3 times'],
    ]);
    for (const { subject, event } of publisher.logs()) {
      expect(subject).toBe('unit_test.run.run-1.log_batch');
      expect(event).toMatchObject({ aggregateId: 'run-1', actor: 'alice', correlationId: 'corr-1', data: { grouping: 'run', attempt: 1 } });
    }
  });

  it('uses the given data and the activity attempt in log entries and their ids', async () => {
    const env = mockEnvironment({ attempt: 3 });
    const outcome = await env.run(executeJobStep, inputFor('examples.HelloWorld', { name: 'Bob', count: 2 }));
    expect(outcome).toEqual({ result: { greeting: 'Hello, Bob' }, failureCount: 0 });
    // Attempt 3 of 3 first says it is a retry, then the job's own entries follow.
    expect(publisher.entries()).toEqual([
      ['warning', 'Retrying step run: attempt 3 of 3 (attempt 2 failed or lost its worker)'],
      ['info', 'Hello, Bob (1 of 2)'],
      ['info', 'Hello, Bob (2 of 2)'],
      ['success', 'Greeted Bob 2 times'],
    ]);
    const logs = publisher.logs();
    expect(logs.map(({ event }) => event.id)).toEqual([1, 2, 3, 4].map((n) => `run-1:run:3:log:${n}`));
    expect(logs.map(({ event }) => event.data.attempt)).toEqual([3, 3, 3, 3]);
  });

  it('turns an exception from job code into a non-retryable JobCodeError, after logging it as a failure', async () => {
    const env = mockEnvironment();
    const failure = await failureOf(env.run(executeJobStep, inputFor('examples.FailOnPurpose', { outcome: 'error', reason: 'boom' })));

    expect(failure.type).toBe(JOB_CODE_ERROR_TYPE);
    expect(failure.type).toBe('JobCodeError');
    expect(failure.nonRetryable).toBe(true);
    expect(failure.message).toBe('Erroring on purpose: boom');
    expect(failure.cause).toBeInstanceOf(Error);
    expect(publisher.entries()).toEqual([
      ['info', 'Asked to error'],
      ['failure', 'Step run raised Error: Erroring on purpose: boom'],
    ]);
  });

  it('reports a failure entry in failureCount without throwing', async () => {
    const env = mockEnvironment();
    const outcome = await env.run(executeJobStep, inputFor('examples.FailOnPurpose', { outcome: 'fail' }));
    expect(outcome).toEqual({ result: { outcome: 'fail' }, failureCount: 1 });
    expect(publisher.entries()).toEqual([
      ['info', 'Asked to fail'],
      ['failure', 'Failing on purpose: asked to'],
    ]);
  });

  it('runs post_run, which returns nothing, as a null result', async () => {
    const env = mockEnvironment();
    const outcome = await env.run(executeJobStep, inputFor('examples.FailOnPurpose', { outcome: 'complete' }, 'post_run'));
    expect(outcome).toEqual({ result: null, failureCount: 0 });
    expect(publisher.entries()).toEqual([['debug', 'post_run ran']]);
    expect(publisher.logs()[0].event.data.grouping).toBe('post_run');
  });

  it("gives a test step the run step's result", async () => {
    const env = mockEnvironment();
    const runResult = { interfaces: [{ name: 'Gi0/9', mtu: 1400 }, { name: 'Gi0/8', mtu: 1500 }] };
    const outcome = await env.run(executeJobStep, inputFor('examples.InterfaceAudit', {}, 'test_mtu', runResult));
    expect(outcome).toEqual({ result: null, failureCount: 1 });
    expect(publisher.entries()).toEqual([
      ['failure', 'Gi0/9 MTU 1400 is below 1500'],
      ['success', 'Gi0/8 MTU 1500 is fine'],
    ]);
  });

  it('refuses a job this collector does not host as a non-retryable JobNotHosted', async () => {
    const env = mockEnvironment();
    const input = inputFor('examples.HelloWorld', { name: 'x' });
    const failure = await failureOf(env.run(executeJobStep, { ...input, run: { ...input.run, jobId: 'examples.Nope' } }));
    expect(failure.type).toBe(JOB_NOT_HOSTED_ERROR_TYPE);
    expect(failure.type).toBe('JobNotHosted');
    expect(failure.nonRetryable).toBe(true);
    expect(failure.message).toContain('examples.Nope');
    expect(publisher.published).toEqual([]);
  });

  it('refuses a step the job does not have as a non-retryable JobCodeError', async () => {
    const env = mockEnvironment();
    const failure = await failureOf(env.run(executeJobStep, inputFor('examples.HelloWorld', { name: 'x' }, 'test_missing')));
    expect(failure.type).toBe(JOB_CODE_ERROR_TYPE);
    expect(failure.nonRetryable).toBe(true);
    expect(failure.message).toBe('Job examples.HelloWorld has no step test_missing');
  });

  it('rides out a NATS outage: the job runs once, and its entries are delivered once NATS is back', async () => {
    publisher.error = new Error('TIMEOUT');
    setTimeout(() => (publisher.error = null), 200);
    const env = mockEnvironment();
    const outcome = (await env.run(executeJobStep, inputFor('examples.HelloWorld', { name: 'x' }))) as StepOutcome;
    expect(outcome.result).toMatchObject({ greeting: expect.any(String) });
    expect(publisher.shown().map(({ event }) => event.type)).toEqual(['run.step_started', 'run.log', 'run.log', 'run.log', 'run.log']);
    expect(new Set(publisher.shown().map(({ event }) => event.id)).size).toBe(5);
  });

  it('fails without a retry (LogDeliveryFailed, naming NATS) when NATS stays away past the delivery timeout', async () => {
    publisher.error = new Error('TIMEOUT');
    const env = mockEnvironment();
    const failure = await failureOf(env.run(executeJobStep, inputFor('examples.HelloWorld', { name: 'x' })));
    expect(failure.type).toBe(LOG_DELIVERY_FAILED_ERROR_TYPE);
    expect(failure.nonRetryable).toBe(true);
    expect(failure.message).toMatch(/^Could not deliver 5 log entries to NATS at 127\.0\.0\.1:4999 within \d+ s \(TIMEOUT\)/);
  });

  it('publishes run.step_started, naming this worker and the attempt, before any log entry', async () => {
    const env = mockEnvironment({ attempt: 2 });
    await env.run(executeJobStep, inputFor('examples.HelloWorld', { name: 'x', count: 1 }));

    const [first, ...rest] = publisher.shown();
    expect(first.subject).toBe('unit_test.run.run-1.step_started');
    expect(first.event).toMatchObject({
      id: 'run-1:run:2:step_started',
      type: 'run.step_started',
      aggregateId: 'run-1',
      actor: 'alice',
      correlationId: 'corr-1',
      data: { step: 'run', attempt: 2, maxAttempts: DEFAULT_RETRY_POLICY.maximumAttempts, worker: WORKER_ID },
    });
    expect(rest.map(({ event }) => event.type)).toEqual(['run.log', 'run.log', 'run.log']);
    expect(publisher.published.filter(({ event }) => event.type === 'run.step_started')).toHaveLength(1);
  });

  describe('run.started carried by the first step (announce)', () => {
    const announce: RunEventDraft = {
      id: 'run-1:run.started',
      runId: 'run-1',
      type: 'run.started',
      sequence: 2,
      occurredAt: '2026-12-01T10:00:00.000Z',
      actor: 'alice',
      correlationId: 'corr-1',
      data: { jobId: 'examples.HelloWorld', workflowId: 'run-run-1', attempt: 1 },
    };

    it('publishes it, as the workflow drafted it, before the step and its log', async () => {
      const env = mockEnvironment();
      await env.run(executeJobStep, { ...inputFor('examples.HelloWorld', { name: 'x', count: 1 }), announce });
      const [first, ...rest] = publisher.shown();
      expect(first.subject).toBe('unit_test.run.run-1.started');
      expect(first.event).toMatchObject({ id: announce.id, type: 'run.started', aggregateId: 'run-1', sequence: 2, occurredAt: announce.occurredAt, data: announce.data });
      expect(rest.map(({ event }) => event.type)).toEqual(['run.step_started', 'run.log', 'run.log']);
    });

    it('publishes it even when the step cannot run (a job this collector does not host), then refuses', async () => {
      const env = mockEnvironment();
      const input = inputFor('examples.HelloWorld', { name: 'x' });
      const failure = await failureOf(env.run(executeJobStep, { ...input, run: { ...input.run, jobId: 'examples.Nope' }, announce }));
      expect(failure.type).toBe(JOB_NOT_HOSTED_ERROR_TYPE);
      expect(publisher.published.map(({ event }) => event.type)).toEqual(['run.started']);
    });

    it('claims the run as started first', async () => {
      await mockEnvironment().run(executeJobStep, { ...inputFor('examples.HelloWorld', { name: 'x', count: 1 }), announce });
      expect(startClaims.claims.get('run-1')).toBe('started');
    });

    it('refuses a run its scheduler abandoned: non-retryable RunStartAbandoned, no event, no job code', async () => {
      startClaims.claims.set('run-1', 'abandoned');
      const failure = await failureOf(mockEnvironment().run(executeJobStep, { ...inputFor('examples.HelloWorld', { name: 'x', count: 1 }), announce }));
      expect(failure.type).toBe(RUN_START_ABANDONED_ERROR_TYPE);
      expect(failure.nonRetryable).toBe(true);
      expect(publisher.published).toEqual([]);
    });

    it('tries the claim again while NATS does not answer, heartbeating all along, then runs the step', async () => {
      // A try of 1 s goes unanswered: Temporal must hear the worker meanwhile, or it retries the step elsewhere and the
      // job runs twice. Delivery may take 5 s here, within a step timeout of 30 s.
      startClaims.failuresLeft = 1;
      startClaims.failureMs = 1_000;
      const patient = createExecuteJobStep({
        registry: () => registry,
        publisher: publisher.asEventPublisher(),
        instance: INSTANCE,
        workerId: WORKER_ID,
        runDataStages: [],
        inventory: unusedInventoryStore,
        logDelivery: { ...logDelivery, limits: { ...logDelivery.limits, giveUpAfterMs: 5_000 } },
        startClaims,
      });
      const env = new MockActivityEnvironment({ startToCloseTimeoutMs: 30_000 }, { logger: new DefaultLogger('ERROR') });
      let heartbeats = 0;
      env.on('heartbeat', () => heartbeats++);
      await env.run(patient, { ...inputFor('examples.HelloWorld', { name: 'x', count: 1 }), announce });
      expect(publisher.shown().map(({ event }) => event.type)).toEqual(['run.started', 'run.step_started', 'run.log', 'run.log']);
      // One every 250 ms over about 1.1 s.
      expect(heartbeats).toBeGreaterThanOrEqual(3);
    });

    it('claims nothing for a step that does not carry run.started', async () => {
      await mockEnvironment().run(executeJobStep, inputFor('examples.HelloWorld', { name: 'x', count: 1 }));
      expect(startClaims.claims.size).toBe(0);
    });
  });

  it('publishes run.step_started for post_run too, with the maximum attempts of the job', async () => {
    const env = mockEnvironment({ attempt: 1 });
    const input = inputFor('examples.FailOnPurpose', { outcome: 'complete' }, 'post_run');
    await env.run(executeJobStep, { ...input, run: { ...input.run, retry: { ...input.run.retry, maximumAttempts: 7 } } });
    expect(publisher.published[0].event).toMatchObject({
      id: 'run-1:post_run:1:step_started',
      data: { step: 'post_run', attempt: 1, maxAttempts: 7, worker: WORKER_ID },
    });
  });

  describe('with jobs written for the test', () => {
    const seen: JobContext[] = [];

    class Recorder extends Job {
      static override readonly meta = { name: 'Recorder' };
      run(_data: unknown, context: JobContext) {
        seen.push(context);
        return { when: new Date('2024-05-06T07:08:09.000Z'), skipped: undefined };
      }
    }

    class ReturnsFunction extends Job {
      static override readonly meta = { name: 'Returns a function' };
      run() {
        return () => 1;
      }
    }

    class ThrowsString extends Job {
      static override readonly meta = { name: 'Throws a string' };
      async run(): Promise<never> {
        await Promise.resolve();
        throw 'plain string';
      }
    }

    class DeviceTimesOut extends Job {
      static override readonly meta = { name: 'Device times out' };
      run() {
        throw new InfrastructureFault('edge-01 did not answer');
      }
    }

    /** Resolves `started` once the job is running, so a test cancels it mid-step. */
    let started: () => void = () => undefined;
    let whenStarted: Promise<void> = Promise.resolve();
    let sleepError: unknown = null;

    class SleepsPolitely extends Job {
      static override readonly meta = { name: 'Sleeps politely' };
      async run(_data: unknown, context: JobContext) {
        context.logger.info('going to sleep');
        started();
        try {
          await context.sleep(60_000);
        } catch (error) {
          sleepError = error;
          throw error;
        }
        return 'woke up';
      }
    }

    class IgnoresCancellation extends Job {
      static override readonly meta = { name: 'Ignores cancellation' };
      async run() {
        started();
        // Work that takes no signal and never ends.
        await new Promise(() => undefined);
      }
    }

    const testRegistry = new JobRegistry([
      { name: 'spec', grouping: 'Spec', jobs: [Recorder, ReturnsFunction, ThrowsString, DeviceTimesOut, SleepsPolitely, IgnoresCancellation] },
    ]);

    beforeEach(() => {
      seen.length = 0;
      sleepError = null;
      whenStarted = new Promise((resolve) => {
        started = resolve;
      });
      executeJobStep = createExecuteJobStep({ registry: () => testRegistry, publisher: publisher.asEventPublisher(), instance: INSTANCE, workerId: WORKER_ID, runDataStages: [], inventory: unusedInventoryStore, logDelivery, startClaims });
    });

    it('gives the job its context and returns its result as JSON', async () => {
      const env = mockEnvironment({ attempt: 2 });
      const input = inputFor('spec.Recorder', {}, 'run', null, testRegistry);
      const outcome = await env.run(executeJobStep, { ...input, run: { ...input.run, commit: false } });
      expect(outcome).toEqual({ result: { when: '2024-05-06T07:08:09.000Z' }, failureCount: 0 });
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ runId: 'run-1', jobId: 'spec.Recorder', commit: false, step: 'run', attempt: 2, requestedBy: 'alice', runResult: null });
    });

    it('treats a result JSON cannot carry as an error of the job', async () => {
      const env = mockEnvironment();
      const failure = await failureOf(env.run(executeJobStep, inputFor('spec.ReturnsFunction', {}, 'run', null, testRegistry)));
      expect(failure.type).toBe(JOB_CODE_ERROR_TYPE);
      expect(failure.nonRetryable).toBe(true);
      expect(failure.message).toBe('The job returned a value that is not JSON');
    });

    it('reports a thrown non-Error by its string', async () => {
      const env = mockEnvironment();
      const failure = await failureOf(env.run(executeJobStep, inputFor('spec.ThrowsString', {}, 'run', null, testRegistry)));
      expect(failure.type).toBe(JOB_CODE_ERROR_TYPE);
      expect(failure.message).toBe('plain string');
      expect(publisher.entries()).toEqual([['failure', 'Step run raised an error: plain string']]);
    });

    it('turns an InfrastructureFault into a retryable InfrastructureFault failure, logging a warning that names the attempt', async () => {
      const env = mockEnvironment({ attempt: 1 });
      const failure = await failureOf(env.run(executeJobStep, inputFor('spec.DeviceTimesOut', {}, 'run', null, testRegistry)));
      expect(failure.type).toBe(INFRASTRUCTURE_FAULT_ERROR_TYPE);
      expect(failure.type).toBe('InfrastructureFault');
      expect(failure.nonRetryable).toBe(false);
      expect(failure.message).toBe('edge-01 did not answer');
      expect(failure.cause).toBeInstanceOf(InfrastructureFault);
      // A warning, not a failure: the run is not failed by a fault it may recover from.
      expect(publisher.entries()).toEqual([['warning', 'Attempt 1 of 3 of step run failed: edge-01 did not answer; it will be retried']]);
    });

    it('says no attempts are left when the last attempt meets an InfrastructureFault', async () => {
      const env = mockEnvironment({ attempt: 3 });
      const failure = await failureOf(env.run(executeJobStep, inputFor('spec.DeviceTimesOut', {}, 'run', null, testRegistry)));
      expect(failure.type).toBe(INFRASTRUCTURE_FAULT_ERROR_TYPE);
      expect(failure.nonRetryable).toBe(false);
      expect(publisher.entries()).toEqual([
        ['warning', 'Retrying step run: attempt 3 of 3 (attempt 2 failed or lost its worker)'],
        ['warning', 'Attempt 3 of 3 of step run failed: edge-01 did not answer; no attempts are left'],
      ]);
    });

    it('stops a step when the activity is cancelled: sleep rejects, a warning is flushed, and the step ends cancelled', async () => {
      const env = mockEnvironment();
      const step = env.run(executeJobStep, inputFor('spec.SleepsPolitely', {}, 'run', null, testRegistry));
      await whenStarted;
      env.cancel();
      const error = await step.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(CancelledFailure);
      expect(sleepError).toBeInstanceOf(CancelledFailure);
      expect(publisher.entries()).toEqual([
        ['info', 'going to sleep'],
        ['warning', 'Step run stopped: the run was cancelled or ran out of time'],
      ]);
    });

    it('reports a cancellation without waiting for job code that ignores it', async () => {
      const env = mockEnvironment();
      const step = env.run(executeJobStep, inputFor('spec.IgnoresCancellation', {}, 'run', null, testRegistry));
      await whenStarted;
      env.cancel();
      const error = await step.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(CancelledFailure);
      expect(publisher.entries()).toEqual([['warning', 'Step run stopped: the run was cancelled or ran out of time']]);
    }, 5_000);
  });
});
