import type { ConcurrencyRule, RunWorkflowInput } from '@yardmaster/contracts';
import { waitFor } from '@yardmaster/testing';
import { concurrencySlotFreed, requestCancel } from '../../index';
import { closed, runInput, startRun, type RecordedExecution, type Shape, type ShapeContext } from './shape';
import { SlotQueue } from './slot-queue';
import { stubRunActivities } from './stub-run-activities';

const LIMIT_ONE: ConcurrencyRule = { mode: 'limit', maxRuns: 1, keyVariables: [] };
const SINGLETON: ConcurrencyRule = { mode: 'singleton', keyVariables: [] };
/** Holds the slot in shapes whose run must wait: a run that is not there. */
const ANOTHER_RUN = 'another-run';

function limitedRun(rule: ConcurrencyRule, heldSlot: number | null = null): RunWorkflowInput {
  return runInput(['run', 'post_run'], { concurrency: { rule, scope: 'examples.Recorded.all', heldSlot } });
}

const until = (what: string, probe: () => boolean) => waitFor(async () => (probe() ? true : undefined), 30_000, what);

/**
 * One run holds the slot while a second waits in the queue; the first, once ended, hands the slot over and
 * signals the second, which claims it and runs. Both executions are shapes of their own.
 */
async function handOver(context: ShapeContext): Promise<{ readonly holder: RecordedExecution; readonly waiter: RecordedExecution }> {
  const slots = new SlotQueue();
  const holder = limitedRun(LIMIT_ONE);
  const waiter = limitedRun(LIMIT_ONE);
  let holderStepStarted = false;
  const activities = stubRunActivities(
    {
      run: async (input) => {
        if (input.run.runId !== holder.runId) return { result: null, failureCount: 0 };
        holderStepStarted = true;
        await until('the second run to queue', () => slots.isWaiting(waiter.runId));
        return { result: null, failureCount: 0 };
      },
    },
    slots,
  );
  return context.withWorker(activities, async (taskQueue) => {
    const holding = await startRun(context.client, taskQueue, holder);
    await until("the first run's step", () => holderStepStarted);
    const waiting = await startRun(context.client, taskQueue, waiter);
    return { holder: await closed(holding), waiter: await closed(waiting) };
  });
}

/**
 * A run that waits through several wake-ups without getting the slot: the dev server the recorder starts suggests a
 * continue-as-new after a few events, so its first execution continues as new; the next one claims and runs.
 */
async function continueAsNew(context: ShapeContext): Promise<{ readonly first: RecordedExecution; readonly next: RecordedExecution }> {
  const slots = new SlotQueue();
  slots.holdFor(ANOTHER_RUN);
  return context.withWorker(stubRunActivities({}, slots), async (taskQueue) => {
    const handle = await startRun(context.client, taskQueue, limitedRun(LIMIT_ONE));
    const first = context.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId);
    for (let claims = 1; (await first.describe()).status.name === 'RUNNING'; claims = slots.claims + 1) {
      await until(`claim ${claims}`, () => slots.claims >= claims);
      await handle.signal(concurrencySlotFreed);
    }
    slots.holdFor(null);
    // The signal reaches the latest execution: the one continued as new.
    await handle.signal(concurrencySlotFreed);
    await handle.result();
    const next = (await handle.describe()).runId;
    return { first: { workflowId: handle.workflowId, runId: handle.firstExecutionRunId }, next: { workflowId: handle.workflowId, runId: next } };
  });
}

/** Runs of jobs that limit their concurrent runs: the wait for a slot lives in the workflow. */
export const CONCURRENCY_SHAPES: readonly Shape[] = [
  {
    // A singleton's slot is claimed by the scheduler before the workflow starts.
    name: 'run-singleton-with-held-slot',
    closesAs: 'COMPLETED',
    record: ({ client, withWorker }) =>
      withWorker(stubRunActivities(), async (taskQueue) => closed(await startRun(client, taskQueue, limitedRun(SINGLETON, 0)))),
  },
  { name: 'run-slot-handed-over-to-waiting-run', closesAs: 'COMPLETED', record: async (context) => (await handOver(context)).holder },
  { name: 'run-waited-for-slot-woken-by-signal', closesAs: 'COMPLETED', record: async (context) => (await handOver(context)).waiter },
  { name: 'run-continued-as-new-while-waiting', closesAs: 'CONTINUED_AS_NEW', record: async (context) => (await continueAsNew(context)).first },
  { name: 'run-resumed-after-continue-as-new', closesAs: 'COMPLETED', record: async (context) => (await continueAsNew(context)).next },
  {
    name: 'run-cancelled-while-waiting-for-slot',
    closesAs: 'CANCELED',
    record: ({ client, withWorker }) => {
      const slots = new SlotQueue();
      slots.holdFor(ANOTHER_RUN);
      const input = limitedRun(LIMIT_ONE);
      return withWorker(stubRunActivities({}, slots), async (taskQueue) => {
        const handle = await startRun(client, taskQueue, input);
        await until('the run to queue', () => slots.isWaiting(input.runId));
        await handle.executeUpdate(requestCancel, { args: [{ by: 'alice' }] });
        await handle.cancel();
        return closed(handle);
      });
    },
  },
];
