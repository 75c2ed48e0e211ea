import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import {
  JOB_CODE_ERROR_TYPE,
  JOB_NOT_HOSTED_ERROR_TYPE,
  type JsonValue,
  type RunErrorInfo,
  type RunOutcome,
  type RunWorkflowInput,
} from '@yardmaster/contracts';
import { describeStepFailure } from './describe-failure';
import type { RunActivities, RunEventDraft } from './run-activities';

const POST_RUN_STEP = 'post_run';

/**
 * One run of a job: `run.started`, each step as an activity, `post_run` whatever happened before it,
 * and exactly one terminal event. Event sequence numbers start at 2: the scheduler's `run.requested` is 1.
 */
export async function runJobWorkflow(input: RunWorkflowInput): Promise<RunOutcome> {
  const { publishRunEvent } = proxyLocalActivities<RunActivities>({
    startToCloseTimeout: '10 seconds',
    retry: { initialInterval: '200 milliseconds', maximumInterval: '5 seconds' },
  });
  const { executeJobStep } = proxyActivities<RunActivities>({
    startToCloseTimeout: `${input.stepTimeoutSeconds} seconds`,
    heartbeatTimeout: '30 seconds',
    retry: {
      initialInterval: '1 second',
      maximumAttempts: 3,
      nonRetryableErrorTypes: [JOB_CODE_ERROR_TYPE, JOB_NOT_HOSTED_ERROR_TYPE],
    },
  });

  let sequence = 1;
  const publish = (type: RunEventDraft['type'], data: RunEventDraft['data']) =>
    publishRunEvent({
      runId: input.runId,
      type,
      sequence: ++sequence,
      occurredAt: new Date().toISOString(),
      actor: input.requestedBy,
      correlationId: input.correlationId,
      data,
    });

  await publish('run.started', { jobId: input.jobId, workflowId: `run-${input.runId}`, attempt: 1 });

  let runResult: JsonValue = null;
  let failureCount = 0;
  const runStep = async (step: string): Promise<RunErrorInfo | null> => {
    try {
      const outcome = await executeJobStep({ run: input, step, runResult });
      failureCount += outcome.failureCount;
      if (step === 'run') runResult = outcome.result;
      return null;
    } catch (stepError) {
      return describeStepFailure(stepError, step);
    }
  };

  let error: RunErrorInfo | null = null;
  for (const step of input.steps.filter((name) => name !== POST_RUN_STEP)) {
    error = await runStep(step);
    if (error) break;
  }
  if (input.steps.includes(POST_RUN_STEP)) {
    const postRunError = await runStep(POST_RUN_STEP);
    error ??= postRunError;
  }

  const outcome: RunOutcome = error
    ? { status: 'errored', result: runResult, error }
    : failureCount > 0
      ? { status: 'failed', result: runResult, failureCount }
      : { status: 'completed', result: runResult };
  await publish(`run.${outcome.status}`, terminalData(outcome));
  return outcome;
}

function terminalData(outcome: RunOutcome): RunEventDraft['data'] {
  switch (outcome.status) {
    case 'completed':
      return { result: outcome.result };
    case 'failed':
      return { result: outcome.result, failureCount: outcome.failureCount };
    case 'errored':
      return { result: outcome.result, error: { ...outcome.error } };
  }
}
