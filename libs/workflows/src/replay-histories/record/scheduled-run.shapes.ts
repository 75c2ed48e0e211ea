import { ApplicationFailure } from '@temporalio/common';
import { SCHEDULED_RUN_WORKFLOW_TYPE } from '@yardmaster/contracts/workflow';
import type { ScheduledRunRequest } from '@yardmaster/contracts';
import { RUN_REFUSED_ERROR_TYPE, type ScheduledRunActivities, type ScheduledRunOutcome } from '../../index';
import { closed, type Shape, type ShapeContext } from './shape';

const REQUEST: ScheduledRunRequest = {
  scheduleId: 'nightly-backup',
  definition: {
    key: 'nightly-backup',
    jobId: 'examples.Recorded',
    data: { name: 'yard' },
    commit: true,
    queue: 'default',
    runTimeoutSeconds: null,
    timing: { kind: 'cron', cron: '0 2 * * *', timezone: 'Europe/Amsterdam' },
    startAt: null,
    endAt: null,
    overlap: 'skip',
    catchupWindowSeconds: 300,
    owner: 'alice',
  },
};

/** One firing of a schedule (started directly here; by a Temporal Schedule in production), its run ending `runStatus`. */
function fire(context: ShapeContext, activities: ScheduledRunActivities) {
  return context.withWorker(activities, async (taskQueue) =>
    closed(
      await context.client.workflow.start<(request: ScheduledRunRequest) => Promise<ScheduledRunOutcome>>(SCHEDULED_RUN_WORKFLOW_TYPE, {
        taskQueue,
        workflowId: `${SCHEDULED_RUN_WORKFLOW_TYPE}-${REQUEST.scheduleId}-${Date.now()}`,
        args: [REQUEST],
      }),
    ),
  );
}

/** The scheduled-run workflow: each way a firing ends. */
export const SCHEDULED_RUN_SHAPES: readonly Shape[] = [
  {
    name: 'firing-run-completed',
    closesAs: 'COMPLETED',
    record: (context) => fire(context, { startScheduledRun: async () => 'run-1', awaitRunEnd: async () => 'completed' }),
  },
  {
    name: 'firing-run-failed',
    closesAs: 'FAILED',
    record: (context) => fire(context, { startScheduledRun: async () => 'run-1', awaitRunEnd: async () => 'failed' }),
  },
  {
    name: 'firing-refused',
    closesAs: 'COMPLETED',
    record: (context) =>
      fire(context, {
        startScheduledRun: async () => {
          throw ApplicationFailure.nonRetryable('examples.Recorded allows one run at a time', RUN_REFUSED_ERROR_TYPE);
        },
        awaitRunEnd: async () => 'completed',
      }),
  },
];
