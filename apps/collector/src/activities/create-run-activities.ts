import type { NatsConnection } from '@nats-io/nats-core';
import type { ConcurrencySlots } from '@yardmaster/messaging';
import type { RunActivities, ScheduledRunActivities } from '@yardmaster/workflows';
import { createConcurrencySlotActivities } from './concurrency-slot.activities';
import { createExecuteJobStep, type ExecuteJobStepDeps } from './execute-job-step.activity';
import { createPublishRunEvent } from './publish-run-event.activity';
import { createScheduledRunActivities } from './scheduled-run.activities';

/** The activities a collector registers with Temporal, built from their dependencies. */
export function createRunActivities(deps: ExecuteJobStepDeps & { slots: ConcurrencySlots; nc: NatsConnection }): RunActivities & ScheduledRunActivities {
  return {
    publishRunEvent: createPublishRunEvent(deps),
    executeJobStep: createExecuteJobStep(deps),
    ...createConcurrencySlotActivities(deps.slots),
    ...createScheduledRunActivities(deps),
  };
}
