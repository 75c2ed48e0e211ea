import { AsyncLocalStorage } from 'node:async_hooks';

/** What one scheduler command has done in Temporal so far: what a 503 says about its outcome. */
export interface TemporalCommandScope {
  /** What the command does, as the error names it ("creating schedule nightly"). */
  readonly doing: string;
  /** A call that may change something in Temporal was sent: from then on the command's outcome is unknown. */
  changeSent: boolean;
}

/**
 * The command each Temporal call belongs to, without threading it through every method between a handler and
 * the call (the schedule registry serves handlers and background work alike).
 */
export const temporalCommandScopes = new AsyncLocalStorage<TemporalCommandScope>();
