/**
 * The workflow bundle's entry point: Temporal's bundler loads this file, so it exports workflows, their
 * signals and types only. Collectors implement `RunActivities`; nothing here may import a Node built-in.
 */
export { runJobWorkflow, runJobWorkflowV2, cancelRequested } from './run-job.workflow';
export { concurrencySlotFreed } from './concurrency/concurrency-signals';
export type { ConcurrencyQueueActivities, SlotClaim, SlotClaimResult, SlotHandOver, SlotHandOverResult } from './concurrency/concurrency-queue-activities';
export { requestCancel } from './cancel-requests';
export { scheduledRunWorkflow, RUN_REFUSED_ERROR_TYPE, type ScheduledRunOutcome } from './scheduled-run.workflow';
export type { ScheduledRunActivities, StartScheduledRunActivity, AwaitRunEndActivity } from './scheduled-run-activities';
export type { RunActivities, RunEventDraft, ExecuteStepInput, ConcurrencySlotRequest, ConcurrencySlotRelease } from './run-activities';
export type {
  ApplyFactsReportInput,
  AppliedFactsReport,
  CollectionActivities,
  CollectDeviceInput,
  CloseFactsReportInput,
  DeviceEntryCounts,
  DeviceFailedInput,
  OpenFactsReportInput,
  OpenedFactsReport,
  PlanDevice,
  PlanRunScope,
} from './collection/collection-activities';
