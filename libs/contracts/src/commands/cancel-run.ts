import type { CommandMeta } from './command-reply';
import type { IdempotencyRef } from '../idempotency/idempotency';

export interface CancelRunCommand {
  readonly meta: CommandMeta;
  readonly runId: string;
  /** The client's Idempotency-Key: a repeat gets the first answer again, even once the run has ended. */
  readonly idempotency?: IdempotencyRef;
}

export interface CancelRunAccepted {
  readonly runId: string;
  readonly cancelRequestedBy: string;
  readonly cancelRequestedAt: string;
  /** True when this is the answer to an earlier request with the same idempotency key, given again. */
  readonly replayed?: boolean;
}
