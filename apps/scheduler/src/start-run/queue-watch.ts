import { Logger } from '@nestjs/common';
import { errorLogFields } from '@yardmaster/messaging';

/** How long one answer about a task queue's pollers is used: a burst of runs asks Temporal once. */
const CACHE_MS = 10_000;

/** Counts the workers polling a task queue (Temporal's DescribeTaskQueue), or throws when it cannot say. */
export type PollerCount = (taskQueue: string) => Promise<number>;

/**
 * Whether any collector polls a run's task queue, so that a run accepted while none does says so: it will wait
 * until a collector serving the queue starts. Asking may fail (Temporal slow): then nothing is said.
 */
export class QueueWatch {
  private readonly logger = new Logger(QueueWatch.name);
  private readonly cache = new Map<string, { pollers: number; at: number }>();

  constructor(private readonly countPollers: PollerCount) {}

  async warningsFor(queue: string, taskQueue: string, now = Date.now()): Promise<string[]> {
    const pollers = await this.pollersOf(taskQueue, now);
    if (pollers !== 0) return [];
    return [`no collector serves queue ${queue} (task queue ${taskQueue}): the run waits until one that serves it starts (YARD_COLLECTOR_QUEUES)`];
  }

  private async pollersOf(taskQueue: string, now: number): Promise<number | null> {
    const cached = this.cache.get(taskQueue);
    if (cached && now - cached.at < CACHE_MS) return cached.pollers;
    try {
      const pollers = await this.countPollers(taskQueue);
      this.cache.set(taskQueue, { pollers, at: now });
      return pollers;
    } catch (error) {
      this.logger.warn({ taskQueue, ...errorLogFields(error) }, 'Could not ask Temporal who polls the task queue');
      return null;
    }
  }
}
