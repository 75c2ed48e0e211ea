import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { ErrorCode, YardError } from '@yardmaster/contracts';
import type { ConcurrencySlots, SlotHolder } from '@yardmaster/messaging';
import { SingletonGuard } from './singleton-guard';

const NOW = Date.parse('2026-12-01T03:00:00Z');
const SCOPE = 'job.backup';

/** One slot in memory with the semantics of the KV bucket: create fails while held, release only by the holder. */
class OneSlot {
  holder: SlotHolder | null = null;

  hold(runId: string, claimedAt: Date): void {
    this.holder = { key: `${SCOPE}.0`, scope: SCOPE, slot: 0, runId, revision: 1, claimedAt };
  }

  tryClaim(_scope: string, _slots: number, runId: string): Promise<number | null> {
    if (this.holder && this.holder.runId !== runId) return Promise.resolve(null);
    this.hold(runId, new Date(NOW));
    return Promise.resolve(0);
  }

  holderOf(): Promise<SlotHolder | null> {
    return Promise.resolve(this.holder);
  }

  release(_scope: string, _slot: number, runId: string): Promise<boolean> {
    if (this.holder?.runId !== runId) return Promise.resolve(false);
    this.holder = null;
    return Promise.resolve(true);
  }
}

/** A Temporal client that has never heard of any workflow: the holder's start has not reached it (yet). */
const temporalWithoutWorkflows = {
  workflow: {
    getHandle: (workflowId: string) => ({
      describe: () => Promise.reject(new WorkflowNotFoundError('workflow not found', workflowId, undefined)),
    }),
  },
} as unknown as Client;

async function claimAgainstHolderClaimedAgo(ageMs: number): Promise<{ slot: OneSlot; outcome: Promise<void> }> {
  const slot = new OneSlot();
  slot.hold('run-holder', new Date(NOW - ageMs));
  const guard = new SingletonGuard(slot as unknown as ConcurrencySlots);
  const outcome = guard.claim(temporalWithoutWorkflows, 'backup', SCOPE, 'run-new');
  await outcome.catch(() => undefined);
  return { slot, outcome };
}

describe('SingletonGuard, holder whose workflow Temporal does not find', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
  afterEach(() => jest.restoreAllMocks());

  it('refuses with a conflict naming the holder while its claim is young enough to be a start in flight', async () => {
    const { slot, outcome } = await claimAgainstHolderClaimedAgo(59_000);
    await expect(outcome).rejects.toMatchObject({ code: ErrorCode.ConcurrencyConflict, details: { blockingRunId: 'run-holder' } });
    await expect(outcome).rejects.toBeInstanceOf(YardError);
    expect(slot.holder?.runId).toBe('run-holder');
  });

  it('takes the slot over once the claim is older than any start could take', async () => {
    const { slot, outcome } = await claimAgainstHolderClaimedAgo(61_000);
    await expect(outcome).resolves.toBeUndefined();
    expect(slot.holder?.runId).toBe('run-new');
  });
});
