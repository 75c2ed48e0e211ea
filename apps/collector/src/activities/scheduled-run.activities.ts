import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { NatsConnection } from '@nats-io/nats-core';
import {
  ErrorCode,
  runEventKind,
  scheduleActor,
  streamNamesFor,
  subjectsFor,
  TERMINAL_RUN_EVENT_TYPES,
  YardError,
  type RunEvent,
  type ScheduledRunRequest,
  type StartRunAccepted,
  type StartRunCommand,
} from '@yardmaster/contracts';
import { followStream, sendCommand } from '@yardmaster/messaging';
import { createHash } from 'node:crypto';
import { RUN_REFUSED_ERROR_TYPE, type ScheduledRunActivities } from '@yardmaster/workflows';

const HEARTBEAT_INTERVAL_MS = 5_000;
/** Answers that mean "not now" rather than "no": the scheduler down, or the firing's earlier attempt still under way. */
const RETRIED_CODES: ReadonlySet<string> = new Set([ErrorCode.ServiceUnavailable, ErrorCode.Internal, ErrorCode.IdempotencyKeyInUse]);

/** The scheduled-run workflow's activities: ask the scheduler over NATS, then follow the run's events. */
export function createScheduledRunActivities(deps: { nc: NatsConnection; instance: string }): ScheduledRunActivities {
  const subjects = subjectsFor(deps.instance);
  return {
    async startScheduledRun(request: ScheduledRunRequest): Promise<string> {
      const { definition, scheduleId } = request;
      const firing = Context.current().info.workflowExecution;
      const firingId = firing ? `${firing.workflowId}:${firing.runId}` : scheduleId;
      const command: StartRunCommand = {
        // One correlation id per firing, however often the request is retried.
        meta: { actor: scheduleActor(scheduleId), correlationId: firingId },
        // Keyed by the firing: a retried activity (its answer lost, the scheduler slow) never starts a second run.
        ...(firing ? { idempotency: { key: createHash('sha256').update(`schedule-firing:${firingId}`).digest('hex'), fingerprint: 'schedule-firing' } } : {}),
        jobId: definition.jobId,
        data: definition.data,
        ...(definition.commit === null ? {} : { commit: definition.commit }),
        queue: definition.queue,
        ...(definition.runTimeoutSeconds === null ? {} : { runTimeoutSeconds: definition.runTimeoutSeconds }),
        scheduleId,
        // The scheduler asks the API for the owner's current principal; a schedule from before owners names none.
        ...(definition.owner === undefined ? {} : { runAs: definition.owner }),
      };
      try {
        const accepted = await sendCommand<StartRunAccepted>(deps.nc, subjects.startRunCommand, command, { timeoutMs: 10_000, serviceName: 'scheduler' });
        return accepted.runId;
      } catch (error) {
        // The scheduler being down is retried; a refusal is final for this firing.
        if (error instanceof YardError && !RETRIED_CODES.has(error.code)) {
          throw ApplicationFailure.create({ message: `${error.code}: ${error.message}`, type: RUN_REFUSED_ERROR_TYPE, nonRetryable: true });
        }
        throw error;
      }
    },

    async awaitRunEnd(runId: string): Promise<string> {
      const activity = Context.current();
      const follower = await followStream<RunEvent>(deps.nc, {
        stream: streamNamesFor(deps.instance).runs,
        filterSubjects: TERMINAL_RUN_EVENT_TYPES.map((type) => subjects.runEvent(runId, runEventKind(type))),
        from: 'start',
      });
      const heartbeat = setInterval(() => activity.heartbeat(), HEARTBEAT_INTERVAL_MS);
      activity.cancellationSignal.addEventListener('abort', () => void follower.close(), { once: true });
      try {
        for await (const message of follower) return runEventKind(message.event.type);
        throw new Error(`Stopped following run ${runId} before it ended`);
      } finally {
        clearInterval(heartbeat);
        await follower.close();
      }
    },
  };
}
