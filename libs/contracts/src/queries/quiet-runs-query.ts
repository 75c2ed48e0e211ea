import { z } from 'zod';

/** About 31 years: anything longer is a mistake, and would overflow Postgres' interval. */
export const MAX_QUIET_SECONDS = 1_000_000_000;

const QUIET_MESSAGE = `must be a number of seconds from 0 to ${MAX_QUIET_SECONDS}`;
const LIMIT_MESSAGE = 'must be a whole number, 1 or more';

/**
 * The shape both reconciler queries share: runs unchanged for at least `quietSeconds`, at most `limit` of them
 * (each responder caps it further). Fields it does not know are dropped, so a newer scheduler may add one.
 */
export const quietRunsQuerySchema = z.object({
  quietSeconds: z.number({ error: QUIET_MESSAGE }).min(0, { error: QUIET_MESSAGE }).max(MAX_QUIET_SECONDS, { error: QUIET_MESSAGE }),
  limit: z.number({ error: LIMIT_MESSAGE }).int({ error: LIMIT_MESSAGE }).min(1, { error: LIMIT_MESSAGE }),
});
export type QuietRunsQuery = z.infer<typeof quietRunsQuerySchema>;
