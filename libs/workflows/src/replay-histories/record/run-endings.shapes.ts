import { requestCancel } from '../../index';
import { closed, runInput, signalled, startRun, type Shape } from './shape';
import { reportFailures, runUntilCancelled, stubRunActivities, succeed, throwFromJobCode } from './stub-run-activities';

/** How a run ends: each terminal status, post_run after each, and the two ways of cancelling a step. */
export const RUN_ENDING_SHAPES: readonly Shape[] = [
  {
    name: 'run-completed',
    closesAs: 'COMPLETED',
    record: ({ client, withWorker }) =>
      withWorker(stubRunActivities({ run: succeed({ greeting: 'Hello, yard' }) }), async (taskQueue) =>
        closed(await startRun(client, taskQueue, runInput(['run', 'test_greeting', 'post_run']))),
      ),
  },
  {
    // No step before post_run: the workflow publishes run.started itself (the first step carries it otherwise).
    name: 'run-completed-with-post-run-only',
    closesAs: 'COMPLETED',
    record: ({ client, withWorker }) => withWorker(stubRunActivities(), async (taskQueue) => closed(await startRun(client, taskQueue, runInput(['post_run'])))),
  },
  {
    name: 'run-failed',
    closesAs: 'FAILED',
    record: ({ client, withWorker }) =>
      withWorker(stubRunActivities({ run: reportFailures(2) }), async (taskQueue) => closed(await startRun(client, taskQueue, runInput(['run', 'post_run'])))),
  },
  {
    name: 'run-errored',
    closesAs: 'FAILED',
    record: ({ client, withWorker }) =>
      withWorker(stubRunActivities({ run: throwFromJobCode('device unreachable') }), async (taskQueue) =>
        closed(await startRun(client, taskQueue, runInput(['run', 'post_run']))),
      ),
  },
  {
    name: 'run-timed-out',
    closesAs: 'FAILED',
    record: ({ client, withWorker }) =>
      withWorker(stubRunActivities({ run: runUntilCancelled() }), async (taskQueue) =>
        closed(await startRun(client, taskQueue, runInput(['run', 'post_run'], { runTimeoutSeconds: 1 }))),
      ),
  },
  {
    // As the scheduler cancels: the requestCancel Update, then Temporal's cancel.
    name: 'run-cancelled-during-step',
    closesAs: 'CANCELED',
    record: ({ client, withWorker }) => {
      const stepStarted = signalled();
      return withWorker(stubRunActivities({ run: runUntilCancelled(stepStarted.resolve) }), async (taskQueue) => {
        const handle = await startRun(client, taskQueue, runInput(['run', 'post_run']));
        await stepStarted.promise;
        await handle.executeUpdate(requestCancel, { args: [{ by: 'alice' }] });
        await handle.cancel();
        return closed(handle);
      });
    },
  },
  {
    // From Temporal's Web UI or CLI: no Update, only Temporal's cancel.
    name: 'run-cancelled-by-temporal',
    closesAs: 'CANCELED',
    record: ({ client, withWorker }) => {
      const stepStarted = signalled();
      return withWorker(stubRunActivities({ run: runUntilCancelled(stepStarted.resolve) }), async (taskQueue) => {
        const handle = await startRun(client, taskQueue, runInput(['run', 'post_run']));
        await stepStarted.promise;
        await handle.cancel();
        return closed(handle);
      });
    },
  },
  {
    // An object variable's record was deleted before the step: no further step, no post_run.
    name: 'run-data-unavailable',
    closesAs: 'FAILED',
    record: ({ client, withWorker }) =>
      withWorker(stubRunActivities({ run: async () => ({ result: null, failureCount: 1, runDataUnavailable: true }) }), async (taskQueue) =>
        closed(await startRun(client, taskQueue, runInput(['run', 'test_after', 'post_run']))),
      ),
  },
];
