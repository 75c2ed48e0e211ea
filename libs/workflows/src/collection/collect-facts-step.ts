import { ActivityCancellationType, ApplicationFailure, CancellationScope, isCancellation, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { JsonValue, RunErrorInfo, RunWorkflowInput, StepOutcome } from '@yardmaster/contracts';
import type { RunEventDraft } from '../run-activities';
import type { RunEventDrafts } from '../run-event-drafts';
import { stopWithinGrace } from '../stop-cancelled-step';
import type { AppliedFactsReport, CollectionActivities, OpenedFactsReport, PlanDevice, PlanRunScope } from './collection-activities';
import { deviceFailureOf } from './failure-code';
import { forEachAtMost } from './for-each-at-most';
import { PlanRunTally } from './plan-run-tally';

/** The failure type of a plan run whose data is not a plan snapshot (the collector's `InvalidPlanRunData`). */
const INVALID_PLAN_RUN_DATA = 'InvalidPlanRunData';

/** The error type of a plan run in apply mode whose entries could not be applied (after the activity's retries). */
const FACTS_APPLY_FAILED = 'FactsApplyFailed';

/** Failures a retry cannot mend: the collector throws them non-retryable too; named here so older collectors agree. */
const DEVICE_FAILURES_NOT_RETRIED = ['SNMP_AUTH_FAILED', 'NO_CREDENTIALS', 'NO_ADDRESS', 'UNSUPPORTED_CREDENTIALS', 'DEVICE_NOT_FOUND'];

export type CollectionStepResult =
  | { readonly kind: 'done'; readonly outcome: StepOutcome }
  | { readonly kind: 'cancelled'; readonly result: JsonValue }
  | { readonly kind: 'error'; readonly error: RunErrorInfo; readonly timedOut: false };

export interface CollectionStepDeps {
  readonly drafts: RunEventDrafts;
  /** The run's publish: a local activity that a cancellation never stops. */
  readonly publish: (draft: RunEventDraft) => Promise<void>;
}

/**
 * The `run` step of a plan run (`collection.CollectFacts`), in place of a job step: open the facts report, collect
 * each device in an activity of its own (at most `devicesAtOnce` at once, each with the plan's timeout and retries),
 * report progress after each, close the report whatever happened. A device that fails does not fail the others; the
 * run counts one failure per failed device. A cancellation (or the run's timeout) cancels the devices in flight,
 * starts no more, and still closes the report. In apply mode (`detectOnly: false`) the report's entries are applied
 * between the last device and the close. Only counts come back: entries and logs are the activities' to publish.
 */
export async function runCollectionStep(input: RunWorkflowInput, deps: CollectionStepDeps): Promise<CollectionStepResult> {
  const scope: PlanRunScope = { runId: input.runId, requestedBy: input.requestedBy, correlationId: input.correlationId };
  const { openFactsReport, closeFactsReport } = proxyActivities<CollectionActivities>({
    summary: 'facts report',
    startToCloseTimeout: `${input.stepTimeoutSeconds}s`,
    retry: { initialInterval: '1s', maximumInterval: '10s', maximumAttempts: 10, nonRetryableErrorTypes: [INVALID_PLAN_RUN_DATA] },
  });
  // Within the run's time: the run's timeout cancels it (its transaction then rolls back), and a lost collector is
  // noticed by its heartbeat. Retried a few times: NATS refusing the resolution or Postgres failing leaves nothing applied.
  const { applyFactsReport } = proxyActivities<CollectionActivities>({
    summary: 'apply facts report',
    startToCloseTimeout: `${input.runTimeoutSeconds}s`,
    heartbeatTimeout: `${input.heartbeatTimeoutSeconds}s`,
    cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
    retry: { initialInterval: '1s', maximumInterval: '10s', maximumAttempts: 5 },
  });
  const { reportDeviceFailed } = proxyLocalActivities<CollectionActivities>({
    startToCloseTimeout: '30s',
    retry: { initialInterval: '200ms', maximumInterval: '5s' },
  });

  let opened: OpenedFactsReport;
  try {
    opened = await openFactsReport({ run: input });
  } catch (error) {
    if (isCancellation(error)) return { kind: 'cancelled', result: null };
    const cause = error instanceof Error && error.cause instanceof ApplicationFailure ? error.cause : error;
    const message = cause instanceof Error ? cause.message : String(cause);
    const type = cause instanceof ApplicationFailure ? (cause.type ?? 'Error') : 'Error';
    return { kind: 'error', error: { message, type, step: 'run' }, timedOut: false };
  }

  const { devices, devicesAtOnce, deviceTimeoutSeconds, deviceRetry, collectorTypes, credentialsRef, connectionTarget, protocol } = opened;
  const deviceActivityOptions = {
    startToCloseTimeout: `${deviceTimeoutSeconds}s`,
    heartbeatTimeout: `${Math.min(input.heartbeatTimeoutSeconds, deviceTimeoutSeconds)}s`,
    // As a job step: a cancelled device confirms it stopped (its log delivered) before the report closes, within a grace.
    cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
    retry: {
      maximumAttempts: deviceRetry.maximumAttempts,
      initialInterval: `${Math.max(deviceRetry.initialIntervalSeconds, 0.1)}s`,
      backoffCoefficient: 2,
      nonRetryableErrorTypes: DEVICE_FAILURES_NOT_RETRIED,
    },
  } as const;
  // Named after its device, so Temporal's Web UI lists the plan's devices by name.
  const collectorOf = (device: PlanDevice) => proxyActivities<CollectionActivities>({ ...deviceActivityOptions, summary: device.name }).collectDevice;

  const tally = new PlanRunTally(input.runId, devices.length);
  let cancelled = false;
  const collect = async (device: PlanDevice): Promise<void> => {
    try {
      const collectDevice = collectorOf(device);
      const counts = await stopWithinGrace(() => collectDevice({ scope, device, collectorTypes, credentialsRef, connectionTarget, protocol, maxAttempts: deviceRetry.maximumAttempts }));
      tally.deviceCollected(counts);
    } catch (error) {
      if (isCancellation(error)) {
        cancelled = true;
        return;
      }
      const failure = deviceFailureOf(error, deviceTimeoutSeconds);
      tally.deviceFailed(device, failure);
      await CancellationScope.nonCancellable(() => reportDeviceFailed({ scope, device, ...failure }));
    }
    await deps.publish(deps.drafts.progress(tally.progress()));
  };
  await forEachAtMost(devices, devicesAtOnce, collect, () => cancelled || CancellationScope.current().consideredCancelled);
  cancelled ||= CancellationScope.current().consideredCancelled;

  // Apply mode: once every device is done, before the report closes (until then the API leaves its entries to the
  // run). A cancelled run, or one out of time, applies nothing: its entries stay pending for the report's own apply.
  let applied: AppliedFactsReport | null = null;
  let applyError: RunErrorInfo | null = null;
  if (opened.detectOnly === false && !cancelled) {
    try {
      applied = await stopWithinGrace(() => applyFactsReport({ scope, actor: input.runAs ?? input.requestedBy, entries: tally.entryCount }));
    } catch (error) {
      if (isCancellation(error)) cancelled = true;
      else applyError = { message: `The report's entries could not be applied: ${messageOf(error)}`, type: FACTS_APPLY_FAILED, step: 'run' };
    }
  }

  await CancellationScope.nonCancellable(() =>
    closeFactsReport({ scope, devicesCollected: tally.collectedCount, devicesFailed: tally.failedCount, entries: tally.entryCount }),
  );
  const collected = tally.result();
  const result = (applied ? { ...collected, applied: applied.applied, applyFailed: applied.failed } : collected) as unknown as JsonValue;
  if (cancelled) return { kind: 'cancelled', result };
  if (applyError) return { kind: 'error', error: applyError, timedOut: false };
  return { kind: 'done', outcome: { result, failureCount: tally.failedCount } };
}

function messageOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}
