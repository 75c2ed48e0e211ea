import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { workflowIdForRun } from '@yardmaster/contracts';
import { TemporalClientProvider } from '../temporal/temporal-client.provider';
import { workflowStateOf } from '../temporal/workflow-state';

/**
 * Often, while any start is abandoned (only during and just after a Temporal outage): a straggler must be terminated
 * before a collector runs it, and a short job runs within a fraction of a second once Temporal hands it out. At 5 s a
 * straggler of Hello World completed first (dependency chaos, December 2, 2026); this narrows that window, it cannot
 * close it.
 */
const SWEEP_INTERVAL_MS = 250;
/** Once Temporal answers "no such workflow" this long after the start gave up, the start can no longer arrive. */
const SETTLED_AFTER_MS = 30_000;

/**
 * Starts that gave up because Temporal could not be reached, and whose client was told "not started". A start
 * request may still have reached Temporal before it went away; this keeps the promise by terminating such a
 * workflow once Temporal answers again. A keyed retry of the same run takes the run back (`reclaim`) first.
 * In memory: a scheduler that dies meanwhile leaves the (rare) straggler to run.
 */
@Injectable()
export class AbandonedStarts implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AbandonedStarts.name);
  private readonly abandonedAt = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> = Promise.resolve();

  constructor(private readonly temporal: TemporalClientProvider) {}

  abandon(runId: string): void {
    this.abandonedAt.set(runId, Date.now());
  }

  /** A keyed retry wants this run after all. */
  reclaim(runId: string): void {
    this.abandonedAt.delete(runId);
  }

  onApplicationBootstrap(): void {
    let running = false;
    this.timer = setInterval(() => {
      // One sweep at a time: while Temporal is still away, a sweep waits on it longer than the interval.
      if (running || this.abandonedAt.size === 0) return;
      running = true;
      this.sweeping = this.sweep()
        .catch(() => undefined)
        .finally(() => {
          running = false;
        });
    }, SWEEP_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.sweeping;
  }

  async sweep(): Promise<void> {
    const client = await this.temporal.get();
    for (const [runId, at] of [...this.abandonedAt]) {
      const workflowId = workflowIdForRun(runId);
      const state = await workflowStateOf(client, workflowId);
      if (state === 'NOT_FOUND') {
        if (Date.now() - at > SETTLED_AFTER_MS) this.abandonedAt.delete(runId);
        continue;
      }
      // Checked again: a keyed retry may have reclaimed the run while Temporal was being asked.
      if (!this.abandonedAt.has(runId)) continue;
      this.abandonedAt.delete(runId);
      if (state !== 'RUNNING') continue;
      await client.workflow.getHandle(workflowId).terminate('Its start was answered 503 (Temporal unreachable): the client was told it did not start');
      this.logger.warn({ runId }, 'Terminated the run: its start reached Temporal after the client was told it had not started');
    }
  }
}
