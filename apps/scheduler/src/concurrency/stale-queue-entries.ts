import { Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { CONCURRENCY_SLOT_FREED_SIGNAL, workflowIdForRun } from '@yardmaster/contracts';
import { ConcurrencyQueue } from '@yardmaster/messaging';
import { workflowStateOf } from '../temporal/workflow-state';

/**
 * A run that ended while it waited for a concurrency slot without leaving the queue (terminated in Temporal, say)
 * would keep the runs behind it waiting for ever: the reconciler takes it out and signals the runs that move up,
 * so they claim at once rather than at their next timer.
 */
@Injectable()
export class StaleQueueEntries {
  constructor(private readonly queue: ConcurrencyQueue) {}

  /** Returns how many runs were taken out of the queues. */
  async prune(client: Client): Promise<number> {
    let pruned = 0;
    for (const scope of await this.queue.scopes()) {
      const ended: string[] = [];
      for (const runId of await this.queue.waiting(scope)) {
        const state = await workflowStateOf(client, workflowIdForRun(runId));
        // NOT_FOUND may be a workflow starting this very moment, UNKNOWN an unanswered question: only a closed run goes.
        if (state !== 'RUNNING' && state !== 'NOT_FOUND' && state !== 'UNKNOWN') ended.push(runId);
      }
      if (ended.length === 0) continue;
      const line = await this.queue.leave(scope, ...ended);
      pruned += ended.length;
      // Who may claim now is decided by the claim itself: signalling the first few merely saves them a wait.
      for (const runId of line.slice(0, ended.length)) {
        await client.workflow
          .getHandle(workflowIdForRun(runId))
          .signal(CONCURRENCY_SLOT_FREED_SIGNAL)
          .catch(() => undefined);
      }
    }
    return pruned;
  }
}
