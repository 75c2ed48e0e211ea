import type { RunWorkflowInput, StepOutcome, JsonValue } from '@yardmaster/contracts';

/** A lifecycle event as the workflow drafts it; the activity wraps it in the envelope and publishes it. */
export interface RunEventDraft {
  readonly runId: string;
  readonly type: 'run.started' | 'run.completed' | 'run.failed' | 'run.errored';
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
}

/**
 * The activities the run workflow calls. Collectors implement them; the workflow imports this
 * interface as a type only, so no activity code enters the workflow sandbox.
 */
export interface RunActivities {
  publishRunEvent(draft: RunEventDraft): Promise<void>;
  executeJobStep(input: ExecuteStepInput): Promise<StepOutcome>;
}
