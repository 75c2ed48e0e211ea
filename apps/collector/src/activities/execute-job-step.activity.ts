import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { JOB_CODE_ERROR_TYPE, JOB_NOT_HOSTED_ERROR_TYPE, type StepOutcome } from '@yardmaster/contracts';
import type { JobContext, JobData, JobRegistry, VariableSet } from '@yardmaster/job-sdk';
import type { EventPublisher } from '@yardmaster/messaging';
import type { ExecuteStepInput } from '@yardmaster/workflows';
import { RunLogger } from './run-logger';
import { toJsonResult } from './to-json-result';

const HEARTBEAT_INTERVAL_MS = 5_000;

type StepMethod = (data: JobData<VariableSet>, context: JobContext) => unknown;

/**
 * Runs one step of a job. An exception from job code ends the step as a non-retryable JobCodeError
 * (it is the job's fault); a failure to publish its log is thrown as is, so Temporal retries the step.
 */
export function createExecuteJobStep(deps: { registry: JobRegistry; publisher: EventPublisher; instance: string }) {
  return async function executeJobStep(input: ExecuteStepInput): Promise<StepOutcome> {
    const { run, step } = input;
    const registered = deps.registry.find(run.jobId);
    if (!registered) {
      throw ApplicationFailure.create({ message: `This collector does not host job ${run.jobId}`, type: JOB_NOT_HOSTED_ERROR_TYPE, nonRetryable: true });
    }
    const activity = Context.current();
    const attempt = activity.info.attempt;
    const logger = new RunLogger(deps.publisher, {
      instance: deps.instance,
      runId: run.runId,
      step,
      attempt,
      actor: run.requestedBy,
      correlationId: run.correlationId,
    });
    const context: JobContext = {
      runId: run.runId,
      jobId: run.jobId,
      commit: run.commit,
      step,
      attempt,
      requestedBy: run.requestedBy,
      logger,
      runResult: input.runResult,
    };
    const job = new registered.jobClass() as unknown as Record<string, StepMethod | undefined>;
    const method = job[step];
    if (typeof method !== 'function') {
      throw ApplicationFailure.create({ message: `Job ${run.jobId} has no step ${step}`, type: JOB_CODE_ERROR_TYPE, nonRetryable: true });
    }

    const heartbeat = setInterval(() => activity.heartbeat({ step }), HEARTBEAT_INTERVAL_MS);
    try {
      let result: unknown;
      try {
        result = toJsonResult(await method.call(job, run.data as JobData<VariableSet>, context));
      } catch (jobError) {
        const message = jobError instanceof Error ? jobError.message : String(jobError);
        logger.failure(`Step ${step} raised ${jobError instanceof Error ? jobError.name : 'an error'}: ${message}`);
        await logger.flush();
        throw ApplicationFailure.create({ message, type: JOB_CODE_ERROR_TYPE, nonRetryable: true, cause: jobError instanceof Error ? jobError : undefined });
      }
      await logger.flush();
      return { result: result as StepOutcome['result'], failureCount: logger.failureCount };
    } finally {
      clearInterval(heartbeat);
    }
  };
}
