/**
 * `@yardmaster/contracts/workflow`: what workflow code needs of the contracts at run time, from modules that load
 * no schema. The workflow bundle runs in an isolate of its own in every collector and scheduler; importing the
 * package's index there put zod and every schema in it (half of its 2 MB) for a few names and functions.
 * libs/workflows imports values from here and types from the index (lint holds it to that).
 */
export {
  CANCEL_REQUESTED_SIGNAL,
  CONCURRENCY_SLOT_FREED_SIGNAL,
  DEFAULT_MAX_WORKER_LOSSES,
  INFRASTRUCTURE_FAULT_ERROR_TYPE,
  JOB_CODE_ERROR_TYPE,
  JOB_NOT_HOSTED_ERROR_TYPE,
  RUN_START_ABANDONED_ERROR_TYPE,
  TEMPORAL_ACTOR,
} from './runs/run-workflow';
export { REQUEST_CANCEL_UPDATE, RUN_ALREADY_FINISHING_FAILURE_TYPE, RUN_END_FAILURE_TYPES } from './runs/run-endings';
export { RUN_WORKFLOW_TYPE, schedulerTaskQueueBeside, schedulerTaskQueueFor, taskQueueOfRun, workflowIdForRun } from './naming/task-queues';
export { SCHEDULED_RUN_WORKFLOW_TYPE } from './schedules/schedule-naming';
export { SEARCH_ATTRIBUTE_NAMES } from './naming/search-attributes';
export { slotCountOf } from './concurrency/concurrency-slots';
export { COLLECT_FACTS_JOB_ID } from './collection/collect-facts-job';
