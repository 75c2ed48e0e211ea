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

/** The scheduler's answer to a cancel, which `POST /api/runs/{runId}/cancel` passes on. */
export const cancelRunAcceptedSchema = z.object({
  runId: z.string(),
  cancelRequestedBy: z.string(),
  cancelRequestedAt: z.string(),
  /** True when this is the answer to an earlier request with the same idempotency key, given again. */
  replayed: z.boolean().optional(),
  /**
   * True when the run's workflow accepted the cancel: the run will end `cancelled`. False when the workflow could
   * not confirm within the scheduler's YARD_CANCEL_CONFIRM_TIMEOUT_SECONDS (or runs code from before confirmed
   * cancels): Temporal was asked to cancel it, and the run most likely ends `cancelled`.
   */
  confirmed: z.boolean(),
});
export type CancelRunAccepted = z.infer<typeof cancelRunAcceptedSchema>;
