import type { ActingPrincipal } from '../auth/permissions';
import type { JsonObject, JsonValue } from '../json';
import type { ConcurrencyClaim } from '../concurrency/concurrency-slots';
import type { RunErrorInfo } from '../events/run-events';
import type { InventoryChange } from '../inventory/inventory-models';
import type { RetryPolicyDefinition } from '../jobs/job-policies';

/** What the scheduler gives the run workflow. Everything the run needs travels here, so no step looks elsewhere. */
export interface RunWorkflowInput {
  readonly runId: string;
  readonly jobId: string;
  readonly jobName: string;
  readonly data: JsonObject;
  /** False for a dry run: inventory changes are discarded at the end of the run. Null for a read-only job. */
  readonly commit: boolean | null;
  readonly queue: string;
  readonly requestedBy: string;
  /** Who the run acts as (`context.runAs`). Absent in runs started before `run_as`: their requester. */
  readonly runAs?: string;
  /** What the acting user may do, for `context.require`. Absent in runs started before `run_as`. */
  readonly actingPrincipal?: ActingPrincipal;
  readonly correlationId: string;
  readonly steps: readonly string[];
  readonly runTimeoutSeconds: number;
  readonly stepTimeoutSeconds: number;
  /** A step whose worker has not heartbeated for this long is retried elsewhere: how a dead worker is noticed. */
  readonly heartbeatTimeoutSeconds: number;
  readonly retry: RetryPolicyDefinition;
  /** A future start the workflow was delayed to; absent or null to start at once. */
  readonly startAt?: string | null;
  /** Present when the job limits concurrent runs. A singleton's slot is already held when the workflow starts. */
  readonly concurrency: (ConcurrencyClaim & { readonly heldSlot: number | null }) | null;
  /** The uploads of the run's file variables, deleted when the run ends. Absent in runs started before file variables. */
  readonly fileIds?: readonly string[];
  /**
   * The schedule that asked for the run: not used by the workflow, kept so that a lost `run.requested` can be made
   * again from the input. Absent in runs started before it.
   */
  readonly scheduleId?: string | null;
  /**
   * How often a step may lose its worker (a collector that died or stopped heartbeating) before the run errors.
   * Counted apart from `retry`, which is the job's own budget. Absent in runs started before it: 10.
   */
  readonly maxWorkerLosses?: number;
  /** Set when the workflow continued as new while waiting for a concurrency slot: what the earlier execution had done. */
  readonly continuedWait?: ContinuedConcurrencyWait;
}

/** What a run waiting for a concurrency slot carries into its next execution (continue-as-new keeps the history short). */
export interface ContinuedConcurrencyWait {
  /** The sequence of the last event the run published, so the next ones follow it. */
  readonly sequence: number;
  /** Who asked to cancel, if a cancel signal came before the continue-as-new. */
  readonly cancelledBy: string | null;
  /** The number of waits so far: the timer between tries grows with it. */
  readonly tries: number;
}

/** Default of `RunWorkflowInput.maxWorkerLosses`. */
export const DEFAULT_MAX_WORKER_LOSSES = 10;

/** What one job step reports back to the workflow. */
export interface StepOutcome {
  readonly result: JsonValue;
  readonly failureCount: number;
  /** A dry run's inventory changes made by this step, rolled back at its end: later steps replay them. */
  readonly dryRunChanges?: readonly InventoryChange[];
  /**
   * The step could not start because its run data no longer holds (an object variable's record was deleted):
   * the failure is logged and the run ends `failed` without further steps.
   */
  readonly runDataUnavailable?: boolean;
}

export type RunOutcome =
  | { readonly status: 'completed'; readonly result: JsonValue }
  | { readonly status: 'failed'; readonly result: JsonValue; readonly failureCount: number }
  | { readonly status: 'errored'; readonly result: JsonValue; readonly error: RunErrorInfo }
  | { readonly status: 'cancelled'; readonly result: JsonValue; readonly cancelledBy: string; readonly step: string | null }
  | { readonly status: 'timed_out'; readonly result: JsonValue; readonly error: RunErrorInfo };

/** Signal a run sends to a run waiting for a concurrency slot when it may now claim one (see `concurrency/` in the workflows). */
export const CONCURRENCY_SLOT_FREED_SIGNAL = 'concurrencySlotFreed';

/** Signal the scheduler sends before cancelling a workflow, so the run records who cancelled it. */
export const CANCEL_REQUESTED_SIGNAL = 'cancelRequested';
export interface CancelRequestedSignal {
  readonly by: string;
}

/** Who a cancellation is attributed to when it came from Temporal itself (Web UI, CLI). */
export const TEMPORAL_ACTOR = 'temporal';

/** Temporal failure type for an exception thrown by job code: it is the job's fault, never retried. */
export const JOB_CODE_ERROR_TYPE = 'JobCodeError';
/** Temporal failure type for an `InfrastructureFault` thrown by job code: retried by the job's retry policy. */
export const INFRASTRUCTURE_FAULT_ERROR_TYPE = 'InfrastructureFault';
/** Temporal failure type for a step whose job this worker does not host. */
export const JOB_NOT_HOSTED_ERROR_TYPE = 'JobNotHosted';
/**
 * Temporal failure type for a step whose log the collector could not deliver to NATS in time: the platform's
 * fault, never retried (a retry would run job code again and spend the job's own retry budget).
 */
export const LOG_DELIVERY_FAILED_ERROR_TYPE = 'LogDeliveryFailed';
/**
 * Temporal failure type for a run whose start the scheduler gave up on (Temporal unreachable; its client was told
 * 503, not started) and that reached Temporal anyway: its first activity refuses it, and the workflow ends Failed
 * without running job code or publishing an event (see `run-start-claims.ts`).
 */
export const RUN_START_ABANDONED_ERROR_TYPE = 'RunStartAbandoned';
