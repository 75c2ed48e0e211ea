import { Context } from '@temporalio/activity';
import type { NatsConnection } from '@nats-io/nats-core';
import { runEventKind, streamNamesFor, subjectsFor, TERMINAL_RUN_EVENT_TYPES, type RunEvent } from '@yardmaster/contracts';
import { followStream } from '@yardmaster/messaging';
import type { AwaitRunEndActivity } from '@yardmaster/workflows';

const HEARTBEAT_INTERVAL_MS = 5_000;

/**
 * The scheduled-run workflow's wait for its run's end, on the run's own task queue: it follows the run's events.
 * The start of the run is the scheduler's activity (apps/scheduler/src/scheduled-run), on the scheduler's queue.
 */
export function createAwaitRunEnd(deps: { nc: NatsConnection; instance: string }): AwaitRunEndActivity {
  const subjects = subjectsFor(deps.instance);
  return {
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
