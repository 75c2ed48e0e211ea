import type { SlotClaim, SlotClaimResult, SlotHandOver, SlotHandOverResult } from '../../index';

/**
 * One concurrency slot and its queue, in memory, answering as the collector's NATS KV queue does: first come,
 * first served, and a hand-over wakes the run first in line. `holdFor` lets a shape keep the slot taken by a run
 * that is not there, so that its run waits.
 */
export class SlotQueue {
  private holder: string | null = null;
  private readonly waiting: string[] = [];
  claims = 0;

  holdFor(runId: string | null): void {
    this.holder = runId;
  }

  isWaiting(runId: string): boolean {
    return this.waiting.includes(runId);
  }

  async claim({ runId }: SlotClaim): Promise<SlotClaimResult> {
    this.claims++;
    if (this.holder === null || this.holder === runId) {
      this.holder = runId;
      this.leave(runId);
      return { slot: 0 };
    }
    if (!this.waiting.includes(runId)) this.waiting.push(runId);
    return { slot: null };
  }

  async handOver({ runId, slot }: SlotHandOver): Promise<SlotHandOverResult> {
    if (slot !== null && this.holder === runId) this.holder = null;
    this.leave(runId);
    return { wake: this.holder === null ? this.waiting.slice(0, 1) : [] };
  }

  private leave(runId: string): void {
    const index = this.waiting.indexOf(runId);
    if (index >= 0) this.waiting.splice(index, 1);
  }
}
