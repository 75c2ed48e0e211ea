import { randomUUID } from 'node:crypto';
import type { Client, WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import type { Duration } from '@temporalio/common';
import { RUN_WORKFLOW_TYPE, workflowIdForRun } from '@yardmaster/contracts/workflow';
import type { RetryPolicyDefinition, RunOutcome, RunWorkflowInput } from '@yardmaster/contracts';

/** How a recorded execution closes: its history's last event. */
export type ClosedAs = 'COMPLETED' | 'FAILED' | 'CANCELED' | 'CONTINUED_AS_NEW';

/** The execution whose history a shape records. */
export interface RecordedExecution {
  readonly workflowId: string;
  readonly runId: string;
}

export interface ShapeContext {
  readonly client: Client;
  /**
   * Runs `drive` while a worker with these activities polls a run task queue of its own (given to `drive`), and an
   * activity worker the scheduler queue beside it, then shuts both down.
   */
  withWorker<T>(activities: object, drive: (taskQueue: string) => Promise<T>): Promise<T>;
}

/**
 * One way a run (or a schedule's firing) goes through the workflow code: the recorder records each from today's code
 * into `histories/<set>/<name>.json`, and the replay suite checks that every shape has a history.
 */
export interface Shape {
  readonly name: string;
  readonly closesAs: ClosedAs;
  record(context: ShapeContext): Promise<RecordedExecution>;
}

export type RunHandle = WorkflowHandleWithFirstExecutionRunId<(input: RunWorkflowInput) => Promise<RunOutcome>>;

/** Quick retries, so that a retried step costs a fraction of a second. */
const QUICK_RETRY: RetryPolicyDefinition = { maximumAttempts: 3, initialIntervalSeconds: 0.2, backoffCoefficient: 1, maximumIntervalSeconds: 0.2 };

/** A run's input as the scheduler makes it, for a job with these steps. */
export function runInput(steps: readonly string[], overrides: Partial<RunWorkflowInput> = {}): RunWorkflowInput {
  return {
    runId: randomUUID(),
    jobId: 'examples.Recorded',
    jobName: 'Recorded',
    data: { name: 'yard' },
    commit: true,
    queue: 'default',
    requestedBy: 'alice',
    runAs: 'alice',
    correlationId: `corr-${randomUUID()}`,
    steps,
    runTimeoutSeconds: 60,
    stepTimeoutSeconds: 30,
    heartbeatTimeoutSeconds: 5,
    retry: QUICK_RETRY,
    concurrency: null,
    fileIds: [],
    scheduleId: null,
    maxWorkerLosses: 10,
    ...overrides,
  };
}

/** Starts the run's workflow as the scheduler does; `startDelay` for a run requested for later. */
export function startRun(client: Client, taskQueue: string, input: RunWorkflowInput, options: { readonly startDelay?: Duration } = {}): Promise<RunHandle> {
  return client.workflow.start<(input: RunWorkflowInput) => Promise<RunOutcome>>(RUN_WORKFLOW_TYPE, {
    taskQueue,
    workflowId: workflowIdForRun(input.runId),
    args: [input],
    workflowExecutionTimeout: '2 minutes',
    ...options,
  });
}

/** Waits for the workflow to close, however it ends (a failed run fails its workflow), and names its first execution. */
export async function closed(handle: WorkflowHandleWithFirstExecutionRunId): Promise<RecordedExecution> {
  await handle.result().catch(() => undefined);
  return { workflowId: handle.workflowId, runId: handle.firstExecutionRunId };
}

/** A promise and the function that fulfils it: a step tells the shape it has started. */
export function signalled(): { readonly promise: Promise<void>; readonly resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}
