import { Context } from '@temporalio/activity';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import {
  INFRASTRUCTURE_FAULT_ERROR_TYPE,
  JOB_CODE_ERROR_TYPE,
  JOB_NOT_HOSTED_ERROR_TYPE,
  newEvent,
  subjectsFor,
  type RunStepStarted,
  type StepOutcome,
} from '@yardmaster/contracts';
import { InfrastructureFault, type JobContext, type JobData, type JobRegistry, type VariableSet } from '@yardmaster/job-sdk';
import type { EventPublisher } from '@yardmaster/messaging';
import type { ExecuteStepInput } from '@yardmaster/workflows';
import { prepareJobData, type RunDataStage } from './run-data/prepare-job-data';
import { RunLogger } from './run-logger';
import { createStepContext } from './step-context';
import { toJsonResult } from './to-json-result';

/** Heartbeats go out at most this often (the worker throttles them); cancellation arrives with the reply. */
const HEARTBEAT_INTERVAL_MS = 250;

type StepMethod = (data: JobData<VariableSet>, context: JobContext) => unknown;

export interface ExecuteJobStepDeps {
  /** The collector's registry as it is now: read at each call, so a catalog reload needs no worker restart. */
  readonly registry: () => JobRegistry;
  readonly publisher: EventPublisher;
  readonly instance: string;
  readonly workerId: string;
  /** Turn the workflow's run data into what job code receives: sealed values opened, ids resolved, files fetched. */
  readonly runDataStages: readonly RunDataStage[];
}

/**
 * Runs one step of a job. An `InfrastructureFault` from job code is retried by the job's retry policy; any
 * other exception ends the step as a non-retryable JobCodeError (it is the job's fault). A failure to publish
 * its log is thrown as is, so Temporal retries the step. A cancelled step flushes its log and reports the
 * cancellation without waiting for job code that ignores its signal.
 */
export function createExecuteJobStep(deps: ExecuteJobStepDeps) {
  return async function executeJobStep(input: ExecuteStepInput): Promise<StepOutcome> {
    const { run, step } = input;
    const registered = deps.registry().find(run.jobId);
    if (!registered) {
      throw ApplicationFailure.create({ message: `This collector does not host job ${run.jobId}`, type: JOB_NOT_HOSTED_ERROR_TYPE, nonRetryable: true });
    }
    const job = new registered.jobClass() as unknown as Record<string, StepMethod | undefined>;
    const method = job[step];
    if (typeof method !== 'function') {
      throw ApplicationFailure.create({ message: `Job ${run.jobId} has no step ${step}`, type: JOB_CODE_ERROR_TYPE, nonRetryable: true });
    }

    const activity = Context.current();
    const { attempt } = activity.info;
    const maxAttempts = run.retry.maximumAttempts;
    await publishStepStarted(deps, input, attempt);
    const logger = new RunLogger(deps.publisher, {
      instance: deps.instance,
      runId: run.runId,
      step,
      attempt,
      actor: run.requestedBy,
      correlationId: run.correlationId,
    });
    if (attempt > 1) logger.warning(`Retrying step ${step}: attempt ${attempt} of ${maxAttempts} (attempt ${attempt - 1} failed or lost its worker)`);
    const context = createStepContext(input, activity, logger);

    const heartbeat = setInterval(() => activity.heartbeat({ step }), HEARTBEAT_INTERVAL_MS);
    try {
      const work = prepareJobData(deps.runDataStages, { run, step, variables: registered.definition.variables }).then((data) =>
        method.call(job, data as JobData<VariableSet>, context),
      );
      let result: StepOutcome['result'];
      try {
        // A result JSON cannot carry is the job's error too, so it is converted inside this try.
        result = toJsonResult(await Promise.race([work, context.cancelled]));
      } catch (jobError) {
        if (jobError instanceof CancelledFailure || context.signal.aborted) {
          work.catch(() => undefined);
          logger.warning(`Step ${step} stopped: the run was cancelled or ran out of time`);
          await logger.flush();
          throw jobError instanceof CancelledFailure ? jobError : new CancelledFailure(`Step ${step} cancelled`);
        }
        throw await reportJobError(jobError, logger, step, attempt, maxAttempts);
      }
      await logger.flush();
      return { result, failureCount: logger.failureCount };
    } finally {
      clearInterval(heartbeat);
    }
  };
}

async function publishStepStarted(deps: ExecuteJobStepDeps, input: ExecuteStepInput, attempt: number): Promise<void> {
  const { run, step } = input;
  const event: RunStepStarted = newEvent({
    id: `${run.runId}:${step}:${attempt}:step_started`,
    type: 'run.step_started',
    occurredAt: new Date().toISOString(),
    aggregateId: run.runId,
    sequence: attempt,
    correlationId: run.correlationId,
    actor: run.requestedBy,
    data: { step, attempt, maxAttempts: run.retry.maximumAttempts, worker: deps.workerId },
  });
  await deps.publisher.publish(subjectsFor(deps.instance).runEvent(run.runId, 'step_started'), event);
}

/** Logs the error of this attempt and turns it into the failure Temporal should see. */
async function reportJobError(jobError: unknown, logger: RunLogger, step: string, attempt: number, maxAttempts: number): Promise<ApplicationFailure> {
  const message = jobError instanceof Error ? jobError.message : String(jobError);
  const cause = jobError instanceof Error ? jobError : undefined;
  if (jobError instanceof InfrastructureFault) {
    const next = attempt < maxAttempts ? 'it will be retried' : 'no attempts are left';
    logger.warning(`Attempt ${attempt} of ${maxAttempts} of step ${step} failed: ${message}; ${next}`);
    await logger.flush();
    return ApplicationFailure.create({ message, type: INFRASTRUCTURE_FAULT_ERROR_TYPE, nonRetryable: false, cause });
  }
  logger.failure(`Step ${step} raised ${jobError instanceof Error ? jobError.name : 'an error'}: ${message}`);
  await logger.flush();
  return ApplicationFailure.create({ message, type: JOB_CODE_ERROR_TYPE, nonRetryable: true, cause });
}
