import { ErrorCode, YardError } from '@yardmaster/contracts';
import { RateLimiterMemory } from 'rate-limiter-flexible';

export interface FailedAuthenticationLimit {
  /** Failed authentications an address may have in one window; the next attempt waits for the window to end. */
  readonly maxFailures: number;
  readonly windowSeconds: number;
}

/**
 * Counts failed authentications (a token presented and refused) per client address, and refuses every further
 * token from an address that reached the limit until its window ends: brute force meets a wall, while clients
 * whose tokens work are never counted. A refused address gets no token lookup at all, so a guess can neither
 * succeed nor cost the database anything. In memory: each API replica counts its own clients.
 */
export class FailedAuthentications {
  private readonly failures: RateLimiterMemory;

  constructor(private readonly limit: FailedAuthenticationLimit) {
    this.failures = new RateLimiterMemory({ keyPrefix: 'failed-authentication', points: limit.maxFailures, duration: limit.windowSeconds });
  }

  /** Throws TOO_MANY_REQUESTS, with `retryAfterSeconds`, when `address` may not try a token now. */
  async checkAllowed(address: string): Promise<void> {
    const state = await this.failures.get(address);
    if (!state || state.consumedPoints < this.limit.maxFailures) return;
    const retryAfterSeconds = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
    throw new YardError(
      ErrorCode.TooManyRequests,
      `Too many failed authentications from this address (${this.limit.maxFailures} in ${this.limit.windowSeconds} s): try again in ${retryAfterSeconds} s`,
      undefined,
      { retryAfterSeconds },
    );
  }

  async noteFailure(address: string): Promise<void> {
    await this.failures.penalty(address, 1);
  }
}
