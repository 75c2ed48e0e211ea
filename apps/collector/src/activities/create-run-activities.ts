import type { ConcurrencySlots } from '@yardmaster/messaging';
import type { RunActivities } from '@yardmaster/workflows';
import { createConcurrencySlotActivities } from './concurrency-slot.activities';
import { createExecuteJobStep, type ExecuteJobStepDeps } from './execute-job-step.activity';
import { createPublishRunEvent } from './publish-run-event.activity';

/** The activities a collector registers with Temporal, built from their dependencies. */
export function createRunActivities(deps: ExecuteJobStepDeps & { slots: ConcurrencySlots }): RunActivities {
  return {
    publishRunEvent: createPublishRunEvent(deps),
    executeJobStep: createExecuteJobStep(deps),
    ...createConcurrencySlotActivities(deps.slots),
  };
}
