import type { JobRegistry } from '@yardmaster/job-sdk';
import type { EventPublisher } from '@yardmaster/messaging';
import type { RunActivities } from '@yardmaster/workflows';
import { createExecuteJobStep } from './execute-job-step.activity';
import { createPublishRunEvent } from './publish-run-event.activity';

/** The activities a collector registers with Temporal, built from their dependencies. */
export function createRunActivities(deps: { registry: JobRegistry; publisher: EventPublisher; instance: string }): RunActivities {
  return {
    publishRunEvent: createPublishRunEvent(deps),
    executeJobStep: createExecuteJobStep(deps),
  };
}
