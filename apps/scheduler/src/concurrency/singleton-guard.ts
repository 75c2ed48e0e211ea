import { Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { ErrorCode, workflowIdForRun, YardError } from '@yardmaster/contracts';
import { ConcurrencySlots } from '@yardmaster/messaging';
import { workflowStateOf } from '../temporal/workflow-state';

/** Longer than any workflow start under the Temporal call deadline, so only a crashed start's claim is older. */
const ABANDONED_CLAIM_MS = 60_000;

/**
 * Holds a singleton job's only slot for a new run, or refuses with 409 naming the run that holds it. A slot
 * held by a run whose workflow has ended (terminated, say, before it could release) is taken over.
 */
@Injectable()
export class SingletonGuard {
  constructor(private readonly slots: ConcurrencySlots) {}

  async claim(client: Client, jobId: string, scope: string, runId: string): Promise<void> {
    for (let attempt = 0; attempt < 2; attempt++) {
      if ((await this.slots.tryClaim(scope, 1, runId)) !== null) return;
      const holder = await this.slots.holderOf(scope, 0);
      if (!holder) continue;
      const state = await workflowStateOf(client, workflowIdForRun(holder.runId));
      // A holder with no workflow yet is usually a start still on its way (claim, then start): only a claim
      // older than a start could take is treated as abandoned and taken over.
      const startInFlight = state === 'NOT_FOUND' && Date.now() - holder.claimedAt.getTime() < ABANDONED_CLAIM_MS;
      if (state === 'RUNNING' || startInFlight) {
        throw new YardError(ErrorCode.ConcurrencyConflict, `Job ${jobId} allows one run at a time and run ${holder.runId} is queued or running`, undefined, {
          blockingRunId: holder.runId,
        });
      }
      await this.slots.release(scope, 0, holder.runId);
    }
    throw new YardError(ErrorCode.ConcurrencyConflict, `Job ${jobId} allows one run at a time and another run just took its slot`);
  }

  async release(scope: string, runId: string): Promise<void> {
    await this.slots.release(scope, 0, runId);
  }
}
