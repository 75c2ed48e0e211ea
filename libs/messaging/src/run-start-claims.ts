import { Kvm, type KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/nats-core';
import { RUN_START_CLAIM_TTL_MS, runStartClaimsBucketFor, type RunStartClaim } from '@yardmaster/contracts';

/** What the collector asks before a run's first event: may this run start? */
export interface RunStartClaimer {
  /** `started` when the run is (or already was) claimed for starting; `abandoned` when its scheduler gave it up first. */
  claimStart(runId: string): Promise<RunStartClaim>;
}

/**
 * A start the scheduler gave up on while Temporal was unreachable may still have reached Temporal. Its client was
 * told "not started", so the run must not run: the scheduler claims the run id `abandoned` before it answers, and the
 * run's first activity claims it `started` before it publishes anything. Both use KV's atomic create, so exactly one
 * of them wins, and each learns the other's claim when it loses (bucket `<instance>_run_starts`, entries kept 24 h).
 */
export class RunStartClaims implements RunStartClaimer {
  private constructor(private readonly kv: KV) {}

  static async open(nc: NatsConnection, instance: string): Promise<RunStartClaims> {
    return new RunStartClaims(await new Kvm(nc).create(runStartClaimsBucketFor(instance), { history: 1, ttl: RUN_START_CLAIM_TTL_MS }));
  }

  claimStart(runId: string): Promise<RunStartClaim> {
    return this.claim(runId, 'started');
  }

  /** The scheduler's claim: `started` means the run began before the scheduler gave up, so it did start after all. */
  abandon(runId: string): Promise<RunStartClaim> {
    return this.claim(runId, 'abandoned');
  }

  /**
   * A keyed retry wants the run after all: an `abandoned` claim is withdrawn (only that one, by its revision), so the
   * run's first activity may claim it. A `started` claim stays: that run began.
   */
  async reclaim(runId: string): Promise<void> {
    const found = await this.kv.get(runId);
    if (found?.operation !== 'PUT' || found.string() !== 'abandoned') return;
    await this.kv.delete(runId, { previousSeq: found.revision }).catch(() => undefined);
  }

  private async claim(runId: string, claim: RunStartClaim): Promise<RunStartClaim> {
    try {
      await this.kv.create(runId, claim);
      return claim;
    } catch (createError) {
      // Lost the race, or claimed already by an earlier attempt: the claim that is there decides.
      const found = await this.kv.get(runId);
      if (found?.operation !== 'PUT') throw createError;
      return found.string() === 'abandoned' ? 'abandoned' : 'started';
    }
  }
}
