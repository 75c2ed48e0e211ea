/** The Temporal task queue that collectors of an instance poll for run workflows and job steps. */
export function runTaskQueueFor(instance: string, queue: string): string {
  return `${instance}-runs-${queue}`;
}

export const DEFAULT_QUEUE = 'default';

/**
 * The three priorities share one task queue and are ordered by Temporal's task-queue priority
 * (`priorityKey`: lower runs first). Any other queue name is a custom queue: a task queue of its own,
 * served by the collectors that list it, at default priority.
 */
export const PRIORITY_QUEUES = ['high', 'default', 'low'] as const;
export type PriorityQueue = (typeof PRIORITY_QUEUES)[number];

const PRIORITY_KEYS: Record<PriorityQueue, number> = { high: 1, default: 3, low: 5 };

export function isPriorityQueue(queue: string): queue is PriorityQueue {
  return (PRIORITY_QUEUES as readonly string[]).includes(queue);
}

export function priorityKeyOf(queue: string): number {
  return isPriorityQueue(queue) ? PRIORITY_KEYS[queue] : PRIORITY_KEYS.default;
}

/** The Temporal task queue a run of `queue` goes to. */
export function taskQueueOfRun(instance: string, queue: string): string {
  return runTaskQueueFor(instance, isPriorityQueue(queue) ? DEFAULT_QUEUE : queue);
}

/** Workflow ids name the run, so an operator can find it in the Temporal Web UI by the id the API shows. */
export function workflowIdForRun(runId: string): string {
  return `run-${runId}`;
}

export const RUN_WORKFLOW_TYPE = 'runJobWorkflow';
