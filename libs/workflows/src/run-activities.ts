import type { InventoryChange, JsonValue, RunWorkflowInput, StepOutcome } from '@yardmaster/contracts';
import type { DiscardRunFilesRequest } from '@yardmaster/contracts';
import type { ConcurrencyQueueActivities } from './concurrency/concurrency-queue-activities';

/** An event as the workflow drafts it; the activity wraps it in the envelope and publishes it. */
export interface RunEventDraft {
  readonly id: string;
  readonly runId: string;
  readonly type: 'run.queued' | 'run.started' | 'run.log' | 'run.progress' | 'run.completed' | 'run.failed' | 'run.errored' | 'run.cancelled' | 'run.timed_out';
  readonly sequence: number;
  readonly occurredAt: string;
  readonly actor: string;
  readonly correlationId: string;
  readonly data: Record<string, JsonValue>;
}

export interface ExecuteStepInput {
  readonly run: RunWorkflowInput;
  readonly step: string;
  readonly runResult: JsonValue;
  /** A dry run's inventory changes by earlier steps, in order, so this step sees them; empty otherwise. */
  readonly priorChanges?: readonly InventoryChange[];
  /**
   * The attempt, from 1, counted by the workflow over job failures and lost workers alike. Absent for runs whose
   * history began before the workflow counted attempts: Temporal's own attempt number applies.
   */
  readonly attempt?: number;
  /** Of those, the attempt within the job's retry policy: lost workers do not count. Absent with `attempt`. */
  readonly jobAttempt?: number;
  /**
   * `run.started`, drafted by the workflow, for the run's first step to publish before anything of its own: the
   * workflow's first task then ends at once instead of waiting on a local activity. Only on the first step of runs
   * with the `run-started-published-by-the-first-step` patch; a repeated attempt publishes it again under its id.
   */
  readonly announce?: RunEventDraft;
}

export interface ConcurrencySlotRequest {
  readonly scope: string;
  readonly slots: number;
  readonly runId: string;
}

export interface ConcurrencySlotRelease {
  readonly scope: string;
  readonly slot: number;
  readonly runId: string;
}

/**
 * The activities the run workflow calls. Collectors implement them; the workflow imports this
 * interface as a type only, so no activity code enters the workflow sandbox.
 */
export interface RunActivities extends ConcurrencyQueueActivities {
  publishRunEvent(draft: RunEventDraft): Promise<void>;
  executeJobStep(input: ExecuteStepInput): Promise<StepOutcome>;
  /**
   * Waits (heartbeating, cancellable) until one of the scope's slots is free and claims it; returns its number. Only
   * runs whose history began before the wait moved into the workflow call it (see `concurrency/`).
   */
  acquireConcurrencySlot(request: ConcurrencySlotRequest): Promise<number>;
  /** Frees a slot if `runId` still holds it. */
  releaseConcurrencySlot(release: ConcurrencySlotRelease): Promise<void>;
  /** Deletes the run's uploaded files; a file already gone is no error, so a retry is safe. */
  discardRunFiles(request: DiscardRunFilesRequest): Promise<void>;
}
