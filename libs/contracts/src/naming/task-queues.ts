/** The Temporal task queue that collectors of an instance poll for run workflows and job steps. */
export function runTaskQueueFor(instance: string, queue: string): string {
  return `${instance}${RUN_TASK_QUEUE_INFIX}${queue}`;
}

export const DEFAULT_QUEUE = 'default';

const RUN_TASK_QUEUE_INFIX = '-runs-';

/** The Temporal task queue the scheduler's worker polls: a schedule firing's start of its run is served there. */
export function schedulerTaskQueueFor(instance: string): string {
  return `${instance}-scheduler`;
}

/**
 * The scheduler's task queue of the instance whose run task queue this is (a schedule's firing runs on its run's
 * queue, which names the instance: instance names hold no '-'). Null for a queue that is no run queue.
 */
export function schedulerTaskQueueBeside(runTaskQueue: string): string | null {
  const at = runTaskQueue.indexOf(RUN_TASK_QUEUE_INFIX);
  return at > 0 ? schedulerTaskQueueFor(runTaskQueue.slice(0, at)) : null;
}

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

/** The workflow type every run starts as (see `runJobWorkflowV2` in libs/workflows). */
export const RUN_WORKFLOW_TYPE = 'runJobWorkflowV2';
/** The workflow type of runs begun by earlier versions: still served, so that such runs finish after an upgrade. */
export const RUN_WORKFLOW_TYPE_V1 = 'runJobWorkflow';
