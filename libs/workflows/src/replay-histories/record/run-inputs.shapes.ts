import type { InventoryChange } from '@yardmaster/contracts';
import { closed, runInput, startRun, type Shape } from './shape';
import { stubRunActivities } from './stub-run-activities';

const NEW_SITE: InventoryChange = {
  model: 'site',
  op: 'create',
  id: '5d0e3c52-53b5-4f8e-9a3c-0c1f7f4e1a01',
  record: {
    id: '5d0e3c52-53b5-4f8e-9a3c-0c1f7f4e1a01',
    name: 'Amsterdam 1',
    slug: 'amsterdam-1',
    status: 'planned',
    description: '',
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
  },
};

/** What the run's input asks of the workflow: a dry run's changes carried between steps, uploads discarded, a later start. */
export const RUN_INPUT_SHAPES: readonly Shape[] = [
  {
    name: 'run-dry-run-with-inventory-changes',
    closesAs: 'COMPLETED',
    record: ({ client, withWorker }) =>
      withWorker(stubRunActivities({ run: async () => ({ result: null, failureCount: 0, dryRunChanges: [NEW_SITE] }) }), async (taskQueue) =>
        closed(await startRun(client, taskQueue, runInput(['run', 'test_site_planned', 'post_run'], { commit: false }))),
      ),
  },
  {
    name: 'run-with-uploaded-files',
    closesAs: 'COMPLETED',
    record: ({ client, withWorker }) =>
      withWorker(stubRunActivities(), async (taskQueue) => closed(await startRun(client, taskQueue, runInput(['run'], { fileIds: ['upload-1', 'upload-2'] })))),
  },
  {
    // A run requested for later: Temporal delays the workflow's start, which publishes run.queued first.
    name: 'run-started-later',
    closesAs: 'COMPLETED',
    record: ({ client, withWorker }) =>
      withWorker(stubRunActivities(), async (taskQueue) => {
        const startAt = new Date(Date.now() + 1_000).toISOString();
        return closed(await startRun(client, taskQueue, runInput(['run'], { startAt }), { startDelay: '1 second' }));
      }),
  },
];
