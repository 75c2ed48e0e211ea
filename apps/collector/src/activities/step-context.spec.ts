import { CancelledFailure } from '@temporalio/common';
import { unusedInventory } from '../test-support/unused-inventory';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { DEFAULT_RETRY_POLICY, type EventEnvelope, type RunWorkflowInput } from '@yardmaster/contracts';
import { bufferOver } from './log-delivery/publish-one-by-one';
import type { ExecuteStepInput } from '@yardmaster/workflows';
import { RunLogger } from './run-logger';
import { createStepContext } from './step-context';

class FakePublisher {
  readonly published: EventEnvelope[] = [];

  async publish(_subject: string, event: EventEnvelope): Promise<number> {
    this.published.push(event);
    return this.published.length;
  }
}

const run: RunWorkflowInput = {
  runId: 'run-7',
  jobId: 'examples.Stub',
  jobName: 'Stub',
  data: {},
  commit: false,
  queue: 'default',
  requestedBy: 'bob',
  correlationId: 'corr-7',
  steps: ['run', 'test_one', 'post_run'],
  runTimeoutSeconds: 60,
  stepTimeoutSeconds: 30,
  heartbeatTimeoutSeconds: 10,
  retry: DEFAULT_RETRY_POLICY,
  concurrency: null,
};

function contextFor(step: string, attempt = 1) {
  const env = new MockActivityEnvironment({ attempt }, { logger: new DefaultLogger('ERROR') });
  const publisher = new FakePublisher();
  const buffer = bufferOver(publisher);
  const logger = Object.assign(new RunLogger(buffer, { instance: 'unit', runId: run.runId, step, attempt, actor: 'bob', correlationId: 'corr-7' }), {
    flush: () => buffer.flush(),
  });
  const input: ExecuteStepInput = { run, step, runResult: { answer: 42 } };
  return { env, publisher, logger, context: createStepContext(input, env.context, logger, unusedInventory) };
}

/** Whether a promise has settled within a few turns of the event loop. */
async function settledSoon(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setTimeout(resolve, 20));
  return settled;
}

describe('createStepContext', () => {
  it("acts as the run's runAs user, checking that user's permissions in require()", () => {
    const env = new MockActivityEnvironment({ attempt: 1 }, { logger: new DefaultLogger('ERROR') });
    const logger = new RunLogger(bufferOver(new FakePublisher()), { instance: 'unit', runId: run.runId, step: 'run', attempt: 1, actor: 'bob', correlationId: 'corr-7' });
    const asCarol: ExecuteStepInput = {
      run: { ...run, runAs: 'carol', actingPrincipal: { username: 'carol', isAdmin: false, grants: [{ permission: 'inventory.view' }] } },
      step: 'run',
      runResult: null,
    };
    const context = createStepContext(asCarol, env.context, logger, unusedInventory);

    expect([context.requestedBy, context.runAs]).toEqual(['bob', 'carol']);
    expect(() => context.require('inventory.view')).not.toThrow();
    expect(() => context.require('inventory.manage')).toThrow('User carol lacks the permission inventory.manage');
    // A run from before run_as acts as its requester.
    expect(createStepContext({ run, step: 'run', runResult: null }, env.context, logger, unusedInventory).runAs).toBe('bob');
  });

  it('describes the run and the step to the job', () => {
    const { context, logger } = contextFor('test_one', 3);
    expect(context).toMatchObject({ runId: 'run-7', jobId: 'examples.Stub', commit: false, step: 'test_one', attempt: 3, requestedBy: 'bob', runResult: { answer: 42 } });
    expect(context.logger).toBe(logger);
  });

  it('gives the same idempotency key to every attempt of a step, and the attempt the workflow counted', () => {
    const first = contextFor('run', 1).context;
    const { env, logger } = contextFor('run', 1);
    // The workflow counts attempts itself (Temporal's own is always 1 then) and passes the number with the step.
    const fifth = createStepContext({ run, step: 'run', runResult: null, attempt: 5, jobAttempt: 1 }, env.context, logger, unusedInventory);
    expect(fifth.attempt).toBe(5);
    expect(fifth.idempotencyKey).toBe(first.idempotencyKey);
    expect(first.idempotencyKey).toBe('run-7:run');
    expect(contextFor('post_run').context.idempotencyKey).toBe('run-7:post_run');
  });

  it("aborts a step's signal, rejects its cancelled promise and its sleep when the activity is cancelled", async () => {
    const { env, context } = contextFor('run');
    const sleeping = context.sleep(60_000);
    expect(context.signal.aborted).toBe(false);
    expect(await settledSoon(context.cancelled)).toBe(false);

    env.cancel();

    expect(context.signal.aborted).toBe(true);
    await expect(sleeping).rejects.toBeInstanceOf(CancelledFailure);
    await expect(context.cancelled).rejects.toBeInstanceOf(CancelledFailure);
    // A sleep begun after the cancellation rejects at once.
    await expect(context.sleep(60_000)).rejects.toBeInstanceOf(CancelledFailure);
  });

  it('sleeps for the time asked when nothing is cancelled', async () => {
    const { context } = contextFor('run');
    const started = Date.now();
    await expect(context.sleep(30)).resolves.toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('gives post_run a signal that never aborts, so its cleanup finishes after a cancellation', async () => {
    const { env, context } = contextFor('post_run');
    const sleeping = context.sleep(30);
    env.cancel();

    expect(context.signal.aborted).toBe(false);
    await expect(sleeping).resolves.toBeUndefined();
    await expect(context.sleep(5)).resolves.toBeUndefined();
    expect(await settledSoon(context.cancelled)).toBe(false);
  });

  it('hands progress reports to the logger', async () => {
    const { context, logger, publisher } = contextFor('run');
    context.progress({ total: 4, done: 2 });
    await logger.flush();
    expect(publisher.published).toHaveLength(1);
    expect(publisher.published[0]).toMatchObject({ type: 'run.progress', id: 'run-7:run:1:progress:1', data: { total: 4, done: 2, failed: 0 } });
  });

  it('makes sleep wait for room in the log buffer first, and still reject at once on cancellation', async () => {
    const env = new MockActivityEnvironment({ attempt: 1 }, { logger: new DefaultLogger('ERROR') });
    const logger = new RunLogger(bufferOver(new FakePublisher()), { instance: 'unit', runId: run.runId, step: 'run', attempt: 1, actor: 'bob', correlationId: 'corr-7' });
    let makeRoom!: () => void;
    const room = new Promise<void>((resolve) => (makeRoom = resolve));
    const context = createStepContext({ run, step: 'run', runResult: null }, env.context, logger, unusedInventory, () => room);

    const sleeping = context.sleep(0);
    expect(await settledSoon(sleeping)).toBe(false);
    makeRoom();
    await expect(sleeping).resolves.toBeUndefined();

    const waitingForRoom = createStepContext({ run, step: 'run', runResult: null }, env.context, logger, unusedInventory, () => new Promise(() => undefined)).sleep(0);
    env.cancel();
    await expect(waitingForRoom).rejects.toBeInstanceOf(CancelledFailure);
  });
});
