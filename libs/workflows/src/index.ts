/**
 * The workflow bundle's entry point: Temporal's bundler loads this file, so it exports workflows and
 * types only. Collectors implement `RunActivities`; nothing here may import a Node built-in.
 */
export { runJobWorkflow } from './run-job.workflow';
export type { RunActivities, RunEventDraft, ExecuteStepInput } from './run-activities';
