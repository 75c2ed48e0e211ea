import { Context } from '@temporalio/activity';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import {
  INFRASTRUCTURE_FAULT_ERROR_TYPE,
  JOB_CODE_ERROR_TYPE,
  JOB_NOT_HOSTED_ERROR_TYPE,
  newEvent,
  subjectsFor,
  type InventoryChange,
  type RunStepStarted,
  type StepOutcome,
} from '@yardmaster/contracts';
import { InfrastructureFault, type JobContext, type JobData, type JobRegistry, type VariableSet } from '@yardmaster/job-sdk';
import type { InventoryStore } from '@yardmaster/inventory';
import { encodeEvent, type EncodedEvent, type EventPublisher, type RunStartClaimer } from '@yardmaster/messaging';
import type { ExecuteStepInput } from '@yardmaster/workflows';
import { countOf, describeChanges } from './inventory/describe-changes';
import { deliverStepLog, stepDeadlineOf } from './log-delivery/deliver-step-log';
import type { LogDeliveryLimits } from './log-delivery/log-delivery-limits';
import { pacedInventory } from './log-delivery/paced-inventory';
import { StepEventBuffer } from './log-delivery/step-event-buffer';
import { StepInventory } from './inventory/step-inventory';
import { prepareJobData, RunDataUnavailableError, type RunDataStage } from './run-data/prepare-job-data';
import type { Redactor } from './run-data/redactor';
import { redactorForStep } from './run-data/sensitive-values';
import { RunLogger } from './run-logger';
import { encodeRunEventDraft } from './publish-run-event.activity';
import { claimRunStart } from './run-start/claim-run-start';
import { createStepContext } from './step-context';
import { toJsonResult } from './to-json-result';
import type { StepMetrics } from '../metrics/step-metrics';

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
  /** Where job steps read and change the inventory, each step in a transaction of its own. */
  readonly inventory: InventoryStore;
  /** How much of a step's log is held while NATS is away, how long delivery is tried, and NATS's address for the error. */
  readonly logDelivery: { readonly limits: LogDeliveryLimits; readonly natsAddress: string };
  /** Claims a run's start before its first event (`run.started`, which the first step carries). */
  readonly startClaims: RunStartClaimer;
  /** Counts and times each step attempt and its log lines (the collector's /metrics); none in tests that do not look. */
  readonly metrics?: StepMetrics;
}

/**
 * Runs one step of a job. An `InfrastructureFault` from job code is retried by the job's retry policy; any
 * other exception ends the step as a non-retryable JobCodeError (it is the job's fault). The step's events go
 * through a buffer that rides out a NATS outage; the step ends only once they are delivered, and fails with a
 * non-retryable LogDeliveryFailed if they cannot be (a NATS fault never spends the job's retries or runs its
 * code again). A cancelled step delivers its log and reports the cancellation without waiting for job code
 * that ignores its signal.
 */
export function createExecuteJobStep(deps: ExecuteJobStepDeps) {
  const execute = createUnmeasuredJobStep(deps);
  const { metrics } = deps;
  if (!metrics) return execute;
  return function executeJobStep(input: ExecuteStepInput): Promise<StepOutcome> {
    return metrics.measure({ job: input.run.jobId, step: input.step }, () => execute(input));
  };
}

function createUnmeasuredJobStep(deps: ExecuteJobStepDeps) {
  return async function executeJobStep(input: ExecuteStepInput): Promise<StepOutcome> {
    const activity = Context.current();
    // From the start: waiting out a NATS outage (for the run's start claim, or to deliver the step's log) is no reason
    // for Temporal to think the worker is lost. Begun after the claim, a 5 s outage during it lost the worker and ran
    // the job twice (dependency chaos, December 2, 2026).
    const heartbeat = setInterval(() => activity.heartbeat({ step: input.step }), HEARTBEAT_INTERVAL_MS);
    try {
      return await executeStep(deps, input, activity);
    } finally {
      clearInterval(heartbeat);
    }
  };
}

async function executeStep(deps: ExecuteJobStepDeps, input: ExecuteStepInput, activity: Context): Promise<StepOutcome> {
  const { run, step } = input;
  const stepDeadlineAt = stepDeadlineOf(activity.info, Date.now());
  const buffer = new StepEventBuffer(deps.publisher, deps.logDelivery);
  const delivered = () => deliverStepLog(buffer, stepDeadlineAt, deps.logDelivery.limits.giveUpAfterMs);
  // The run has started whatever becomes of the step: run.started goes first, and out even if the step cannot run;
  // unless its scheduler gave the run up first (Temporal was away), then nothing of it runs.
  if (input.announce) {
    const giveUpAt = Math.min(Date.now() + deps.logDelivery.limits.giveUpAfterMs, stepDeadlineAt);
    await claimRunStart(deps.startClaims, run.runId, { giveUpAt, natsAddress: deps.logDelivery.natsAddress, cancelled: () => activity.cancellationSignal.aborted });
    buffer.enqueue(encodeRunEventDraft(input.announce, deps.instance));
  }
  const refuse = async (failure: ApplicationFailure): Promise<never> => {
    await delivered();
    throw failure;
  };
  const registered = deps.registry().find(run.jobId);
  if (!registered) {
    return refuse(ApplicationFailure.create({ message: `This collector does not host job ${run.jobId}`, type: JOB_NOT_HOSTED_ERROR_TYPE, nonRetryable: true }));
  }
  const job = new registered.jobClass() as unknown as Record<string, StepMethod | undefined>;
  const method = job[step];
  if (typeof method !== 'function') {
    return refuse(ApplicationFailure.create({ message: `Job ${run.jobId} has no step ${step}`, type: JOB_CODE_ERROR_TYPE, nonRetryable: true }));
  }

  // The workflow counts attempts itself (lost workers apart from the job's own failures); older runs use Temporal's.
  const attempt = input.attempt ?? activity.info.attempt;
  const jobAttempt = input.jobAttempt ?? attempt;
  const maxAttempts = run.retry.maximumAttempts;
    buffer.enqueue(stepStartedEvent(deps, input, attempt));
    const logger = new RunLogger(buffer, {
      instance: deps.instance,
      runId: run.runId,
      step,
      attempt,
      actor: run.requestedBy,
      correlationId: run.correlationId,
    }, deps.metrics);
    if (attempt > 1 && attempt === jobAttempt) logger.warning(`Retrying step ${step}: attempt ${attempt} of ${maxAttempts} (attempt ${attempt - 1} failed or lost its worker)`);
    if (attempt > jobAttempt) {
      const losses = attempt - jobAttempt;
      const lost = losses === 1 ? '1 lost worker does not count' : `${losses} lost workers do not count`;
      logger.warning(`Retrying step ${step}: attempt ${attempt}, ${jobAttempt} of ${maxAttempts} by the job's retry policy (${lost})`);
    }
    let data: Record<string, unknown>;
    try {
      data = await prepareJobData(deps.runDataStages, { run, step, variables: registered.definition.variables });
    } catch (error) {
      if (!(error instanceof RunDataUnavailableError)) throw error;
      logger.failure(error.message);
      await delivered();
      return { result: null, failureCount: logger.failureCount, runDataUnavailable: true };
    }
    // Sensitive values are open from here on: whatever the step writes, returns or throws is masked.
    const redactor = redactorForStep(run.data, registered.definition.variables, data);
    logger.redactWith(redactor);
    const inventory = new StepInventory(deps.inventory, {
      jobId: run.jobId,
      persist: run.commit === true,
      readOnly: run.commit === null,
      priorChanges: input.priorChanges ?? [],
    });
    const context = createStepContext(input, activity, logger, pacedInventory(inventory.access, () => buffer.room()), () => buffer.room());

    const work = Promise.resolve().then(() => method.call(job, data as JobData<VariableSet>, context));
    let result: StepOutcome['result'];
    try {
      // A result JSON cannot carry is the job's error too, so it is converted inside this try.
      result = redactor.json(toJsonResult(await Promise.race([work, context.cancelled])));
    } catch (jobError) {
      const discarded = await inventory.end(false);
      const gaveUp = buffer.gaveUp;
      if (gaveUp) {
        // The job saw the give-up (a wait for room); it is NATS's fault, not the job's.
        work.catch(() => undefined);
        throw gaveUp.toFailure();
      }
      if (jobError instanceof CancelledFailure || context.signal.aborted) {
        work.catch(() => undefined);
        logger.warning(`Step ${step} stopped: the run was cancelled or ran out of time`);
        logDiscarded(logger, step, discarded, run.commit);
        await delivered();
        throw jobError instanceof CancelledFailure ? jobError : new CancelledFailure(`Step ${step} cancelled`);
      }
      logDiscarded(logger, step, discarded, run.commit);
      throw await reportJobError(jobError, logger, delivered, { step, attempt: jobAttempt, maxAttempts, redactor });
    }
    // What the job logged is delivered before its inventory changes are saved: if it cannot be, they are not.
    try {
      await delivered();
    } catch (failure) {
      await inventory.end(false);
      throw failure;
    }
    const changes = await inventory.end(true);
    logInventoryOutcome(logger, step, changes, run.commit);
    await delivered();
    return { result, failureCount: logger.failureCount, ...(run.commit === false && changes.length > 0 ? { dryRunChanges: changes } : {}) };
}

/** What became of a finished step's inventory changes: saved, or (a dry run) kept only for the rest of the run. */
function logInventoryOutcome(logger: RunLogger, step: string, changes: readonly InventoryChange[], commit: boolean | null): void {
  if (changes.length === 0) return;
  if (commit) logger.info(`Saved the ${countOf(changes)} of step ${step}: ${describeChanges(changes)}`);
  else {
    logger.info(`Dry run: the ${countOf(changes)} of step ${step} were not saved (${describeChanges(changes)}); later steps of this run still see them, and they are discarded when it ends`);
  }
}

/** A step that failed or stopped never saves its inventory changes. */
function logDiscarded(logger: RunLogger, step: string, changes: readonly InventoryChange[], commit: boolean | null): void {
  if (changes.length === 0) return;
  const why = commit ? 'rolled back because the step did not finish' : 'discarded (dry run)';
  logger.warning(`The ${countOf(changes)} of step ${step} were ${why}: ${describeChanges(changes)}`);
}

function stepStartedEvent(deps: ExecuteJobStepDeps, input: ExecuteStepInput, attempt: number): EncodedEvent {
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
  return encodeEvent(subjectsFor(deps.instance).runEvent(run.runId, 'step_started'), event);
}

/** Logs the error of this attempt and turns it into the failure Temporal should see. */
async function reportJobError(
  jobError: unknown,
  logger: RunLogger,
  delivered: () => Promise<void>,
  { step, attempt, maxAttempts, redactor }: { step: string; attempt: number; maxAttempts: number; redactor: Redactor },
): Promise<ApplicationFailure> {
  // Message, stack and causes all go to workflow history, and the message to the run's events.
  const message = redactor.text(jobError instanceof Error ? jobError.message : String(jobError));
  const cause = jobError instanceof Error ? redactor.error(jobError) : undefined;
  if (jobError instanceof InfrastructureFault) {
    const next = attempt < maxAttempts ? 'it will be retried' : 'no attempts are left';
    logger.warning(`Attempt ${attempt} of ${maxAttempts} of step ${step} failed: ${message}; ${next}`);
    await delivered();
    return ApplicationFailure.create({ message, type: INFRASTRUCTURE_FAULT_ERROR_TYPE, nonRetryable: false, cause });
  }
  logger.failure(`Step ${step} raised ${jobError instanceof Error ? jobError.name : 'an error'}: ${message}`);
  await delivered();
  return ApplicationFailure.create({ message, type: JOB_CODE_ERROR_TYPE, nonRetryable: true, cause });
}
