import type { JsonValue, LogLevel, RunWorkflowInput } from '@yardmaster/contracts';
import type { RunEventDraft } from './run-activities';

/**
 * Drafts the events the workflow itself emits. Ids are deterministic (`<runId>:<type>`, or a counter for the
 * workflow's own log entries), so a replayed workflow or a retried publish produces the same event once.
 */
export class RunEventDrafts {
  // The scheduler's `run.requested` is sequence 1; a run that continued as new carries on from its last event.
  private sequence: number;
  private logs = 0;
  private progressReports = 0;

  constructor(private readonly input: RunWorkflowInput) {
    this.sequence = input.continuedWait?.sequence ?? 1;
  }

  /** The sequence of the last event drafted. */
  get lastSequence(): number {
    return this.sequence;
  }

  lifecycle(type: Exclude<RunEventDraft['type'], 'run.log' | 'run.progress'>, data: Record<string, JsonValue>): RunEventDraft {
    return this.draft(`${this.input.runId}:${type}`, type, data);
  }

  log(level: LogLevel, grouping: string, message: string): RunEventDraft {
    const at = new Date().toISOString();
    return this.draft(`${this.input.runId}:workflow:log:${++this.logs}`, 'run.log', {
      level,
      grouping,
      message,
      object: null,
      attempt: 1,
      loggedAt: at,
    });
  }

  /** A progress report the workflow makes itself (a plan run's devices); the read model keeps the latest it applies. */
  progress(report: { total: number; done: number; failed: number }): RunEventDraft {
    return this.draft(`${this.input.runId}:workflow:progress:${++this.progressReports}`, 'run.progress', { ...report });
  }

  private draft(id: string, type: RunEventDraft['type'], data: Record<string, JsonValue>): RunEventDraft {
    return {
      id,
      runId: this.input.runId,
      type,
      sequence: ++this.sequence,
      occurredAt: new Date().toISOString(),
      actor: this.input.requestedBy,
      correlationId: this.input.correlationId,
      data,
    };
  }
}
