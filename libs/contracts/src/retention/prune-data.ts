import { z } from 'zod';
import { commandMetaSchema } from '../commands/command-reply';
import { readonlyArray } from '../schemas/json-schemas';

/**
 * Asks the projection, which owns the read models, to prune one batch of what its retention allows:
 * `read-models` deletes up to `batchSize` ended runs (with their log entries), audit entries and applied-event
 * records; `streams` purges the event streams up to what is both old enough and acknowledged by every durable
 * consumer. The pruning job asks again while a batch comes back full, so no statement holds locks for long.
 */
export const pruneDataCommandSchema = z.object({
  meta: commandMetaSchema,
  target: z.enum(['read-models', 'streams']),
  batchSize: z.number().int().min(1).max(100_000),
});
export type PruneDataCommand = z.infer<typeof pruneDataCommandSchema>;

/** What one batch pruned. `cutoffs` are ISO times, null where retention is off (0 days: kept for ever). */
export const pruneBatchReportSchema = z.object({
  cutoffs: z.object({ runs: z.string().nullable(), audit: z.string().nullable() }),
  runs: z.number().int(),
  logEntries: z.number().int(),
  auditEntries: z.number().int(),
  appliedEvents: z.number().int(),
  streams: readonlyArray(z.object({ stream: z.string(), purged: z.number().int(), keptBecause: z.string().optional() })),
  /** True when a batch came back short: nothing more is old enough for now. */
  done: z.boolean(),
});
export type PruneBatchReport = z.infer<typeof pruneBatchReportSchema>;
