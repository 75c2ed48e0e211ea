import { closed, runInput, startRun, type Shape } from './shape';
import { infrastructureFaultOnce, loseWorkerOnce, stubRunActivities } from './stub-run-activities';

/** A step's attempts counted by the workflow: one spent from the job's retry policy, one from the worker-loss budget. */
export const STEP_ATTEMPT_SHAPES: readonly Shape[] = [
  {
    name: 'run-step-retried-after-infrastructure-fault',
    closesAs: 'COMPLETED',
    record: ({ client, withWorker }) =>
      withWorker(stubRunActivities({ run: infrastructureFaultOnce('edge-01 did not answer') }), async (taskQueue) =>
        closed(await startRun(client, taskQueue, runInput(['run']))),
      ),
  },
  {
    // The first attempt is silent for longer than its 1 s heartbeat timeout: Temporal times it out as a lost worker.
    name: 'run-step-retried-after-lost-worker',
    closesAs: 'COMPLETED',
    record: ({ client, withWorker }) =>
      withWorker(stubRunActivities({ run: loseWorkerOnce(2_500) }), async (taskQueue) =>
        closed(await startRun(client, taskQueue, runInput(['run'], { heartbeatTimeoutSeconds: 1 }))),
      ),
  },
];
