import type { NatsConnection } from '@nats-io/nats-core';
import { RunFileStore, type ConcurrencyQueue, type ConcurrencySlots } from '@yardmaster/messaging';
import type { AwaitRunEndActivity, RunActivities } from '@yardmaster/workflows';
import { createConcurrencyQueueActivities } from './concurrency-queue.activities';
import { createConcurrencySlotActivities } from './concurrency-slot.activities';
import { createDiscardRunFiles } from './discard-run-files.activity';
import { createExecuteJobStep, type ExecuteJobStepDeps } from './execute-job-step.activity';
import { createPublishRunEvent } from './publish-run-event.activity';
import { createAwaitRunEnd } from './await-run-end.activity';

/** The activities a collector registers with Temporal, built from their dependencies. */
export function createRunActivities(
  // `files` defaults to the instance's store on `nc`; give it to share one with the run data stages.
  deps: ExecuteJobStepDeps & { slots: ConcurrencySlots; queue: ConcurrencyQueue; nc: NatsConnection; files?: RunFileStore },
): RunActivities & AwaitRunEndActivity {
  return {
    publishRunEvent: createPublishRunEvent(deps),
    executeJobStep: createExecuteJobStep(deps),
    ...createConcurrencySlotActivities(deps.slots),
    ...createConcurrencyQueueActivities(deps.slots, deps.queue),
    discardRunFiles: createDiscardRunFiles(deps.files ?? new RunFileStore(deps.nc, deps.instance)),
    ...createAwaitRunEnd(deps),
  };
}
