import { z } from 'zod';
import { commandMetaSchema } from './command-reply';
import { idempotencyRefSchema } from '../idempotency/idempotency';

export const cancelRunCommandSchema = z.object({
  meta: commandMetaSchema,
  runId: z.string(),
  /** The client's Idempotency-Key: a repeat gets the first answer again, even once the run has ended. */
  idempotency: idempotencyRefSchema.optional(),
});
export type CancelRunCommand = z.infer<typeof cancelRunCommandSchema>;

export interface CancelRunAccepted {
  readonly runId: string;
  readonly cancelRequestedBy: string;
  readonly cancelRequestedAt: string;
  /** True when this is the answer to an earlier request with the same idempotency key, given again. */
  readonly replayed?: boolean;
  /**
   * True when the run's workflow accepted the cancel: the run will end `cancelled`. False when the workflow could
   * not confirm within the scheduler's YARD_CANCEL_CONFIRM_TIMEOUT_SECONDS (or runs code from before confirmed
   * cancels): Temporal was asked to cancel it, and the run most likely ends `cancelled`.
   */
  readonly confirmed: boolean;
}
