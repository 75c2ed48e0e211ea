import { z } from 'zod';
import type { JsonObject } from '../json';

const RUN_TIMEOUT = 'must be a whole number of seconds, at least 1';

/**
 * The body of `POST /api/jobs/{jobId}/runs`. `data` is only checked for being an object here: the scheduler
 * checks it against the job's variables.
 */
export const startRunBodySchema = z.strictObject({
  data: z
    .custom<JsonObject>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), { error: 'must be an object of variable values' })
    .default(() => ({})),
  commit: z.boolean({ error: 'must be true or false' }).optional(),
  queue: z.string({ error: 'must be a queue name' }).optional(),
  /** May lower the job's whole-run timeout, never raise it. */
  runTimeoutSeconds: z.number({ error: RUN_TIMEOUT }).int({ error: RUN_TIMEOUT }).min(1, { error: RUN_TIMEOUT }).optional(),
  /** A future start (ISO 8601): the run waits `scheduled` until then. */
  startAt: z.string({ error: 'must be an ISO 8601 date and time' }).optional(),
  /** The user the run acts as; only an administrator may send it. */
  runAs: z
    .string({ error: 'must be a username' })
    .refine((username) => username.trim() !== '', { error: 'must be a username' })
    .optional(),
});
/** What the API reads. */
export type StartRunBody = z.output<typeof startRunBodySchema>;
/** What a client sends. */
export type StartRunRequest = z.input<typeof startRunBodySchema>;
