/** The Temporal task queue that collectors of an instance poll for run workflows and job steps. */
export function runTaskQueueFor(instance: string, queue: string): string {
  return `${instance}-runs-${queue}`;
}

export const DEFAULT_QUEUE = 'default';

/** Workflow ids name the run, so an operator can find it in the Temporal Web UI by the id the API shows. */
export function workflowIdForRun(runId: string): string {
  return `run-${runId}`;
}

export const RUN_WORKFLOW_TYPE = 'runJobWorkflow';
