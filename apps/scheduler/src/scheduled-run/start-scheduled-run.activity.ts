import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { ErrorCode, scheduleActor, YardError, type ScheduledRunRequest, type StartRunAccepted, type StartRunCommand } from '@yardmaster/contracts';
import { RUN_REFUSED_ERROR_TYPE, type StartScheduledRunActivity } from '@yardmaster/workflows';
import { createHash } from 'node:crypto';
import { ScheduleRunRefused } from '../start-run/schedule-run-refused';

/** Answers that mean "not now" rather than "no": a dependency down, or the firing's earlier attempt still under way. */
const RETRIED_CODES: ReadonlySet<string> = new Set([ErrorCode.ServiceUnavailable, ErrorCode.Internal, ErrorCode.IdempotencyKeyInUse]);

export interface StartScheduledRunDeps {
  /** The start use case, in-process (`StartRunHandler.handle`). */
  startRun(command: StartRunCommand): Promise<StartRunAccepted>;
  /** The schedule's own pause (`ScheduleRegistry.pauseFor`): Temporal pauses it, and `schedule.changed` tells the read model and the audit. */
  pauseSchedule(scheduleId: string, reason: string): Promise<void>;
}

/**
 * The scheduled-run workflow's start of its run, hosted by the scheduler on its own task queue: the firing reaches
 * the start use case through Temporal alone. A refusal that holds at every firing pauses the schedule with its
 * reason, here and not in the use case, which only validates and starts.
 */
export function createStartScheduledRun(deps: StartScheduledRunDeps): StartScheduledRunActivity {
  return {
    async startScheduledRun(request: ScheduledRunRequest): Promise<string> {
      const command = commandOfFiring(request);
      try {
        return (await deps.startRun(command)).runId;
      } catch (error) {
        // Paused before the firing ends, so the schedule shows why by the time its refused firing does.
        if (error instanceof ScheduleRunRefused) await deps.pauseSchedule(error.scheduleId, error.pauseReason);
        // A dependency being down is retried; a refusal is final for this firing.
        if (error instanceof YardError && !RETRIED_CODES.has(error.code)) {
          throw ApplicationFailure.create({ message: `${error.code}: ${error.message}`, type: RUN_REFUSED_ERROR_TYPE, nonRetryable: true });
        }
        throw error;
      }
    },
  };
}

/** The run a firing asks for: an ordinary run of the schedule's definition, requested by `schedule:<id>`. */
function commandOfFiring({ definition, scheduleId }: ScheduledRunRequest): StartRunCommand {
  const firing = Context.current().info.workflowExecution;
  const firingId = firing ? `${firing.workflowId}:${firing.runId}` : scheduleId;
  return {
    // One correlation id per firing, however often the start is retried.
    meta: { actor: scheduleActor(scheduleId), correlationId: firingId },
    // Keyed by the firing: a retried activity (its answer lost, the scheduler slow) never starts a second run.
    ...(firing ? { idempotency: { key: createHash('sha256').update(`schedule-firing:${firingId}`).digest('hex'), fingerprint: 'schedule-firing' } } : {}),
    jobId: definition.jobId,
    data: definition.data,
    ...(definition.commit === null ? {} : { commit: definition.commit }),
    queue: definition.queue,
    ...(definition.runTimeoutSeconds === null ? {} : { runTimeoutSeconds: definition.runTimeoutSeconds }),
    scheduleId,
    // The start use case asks the API for the owner's current principal; a schedule from before owners names none.
    ...(definition.owner === undefined ? {} : { runAs: definition.owner }),
  };
}
