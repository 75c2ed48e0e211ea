import { z } from 'zod';
import { commandMetaSchema } from '../commands/command-reply';
import { readonlyArray } from '../schemas/json-schemas';

/** The read models a rebuild restores from the event streams, one or all: `--model`. */
export const rebuildTargets = ['runs', 'logs', 'schedules', 'catalog', 'audit', 'facts', 'all'] as const;

/**
 * What an administrator asks of a rebuild (`POST /api/read-models/rebuild`, `npm run projection -- rebuild`): the
 * models to replay into the shadow schema and compare with the live tables, and whether to swap them in.
 * `acceptLoss` lets a swap drop live rows the streams can no longer restore.
 */
export const rebuildRequestSchema = z
  .object({
    model: z.enum(rebuildTargets).default('all'),
    swap: z.boolean().default(false),
    acceptLoss: z.boolean().default(false),
  })
  .strict();
export type RebuildRequest = z.infer<typeof rebuildRequestSchema>;

/** The same, as the API asks the projection over NATS (`<instance>.cmd.read-models.rebuild`). */
export const rebuildCommandSchema = z.object({
  meta: commandMetaSchema,
  model: z.enum(rebuildTargets),
  swap: z.boolean(),
  acceptLoss: z.boolean(),
});
export type RebuildCommand = z.infer<typeof rebuildCommandSchema>;

const tableSummarySchema = z.object({
  rows: z.number().int(),
  /** The sum of a 60-bit hash of every row's compared columns: equal tables have equal checksums, in any row order. */
  checksum: z.string(),
});

/** One table compared: counts and checksums of both sides, and when they differ, how and where. */
export const tableComparisonSchema = z.object({
  table: z.string(),
  /** Null when the live table is not there (dropped): everything rebuilt is new. */
  live: tableSummarySchema.nullable(),
  rebuilt: tableSummarySchema,
  equal: z.boolean(),
  /** When they differ: how many rows are only live, only rebuilt, or in both with other values… */
  onlyLive: z.number().int(),
  onlyRebuilt: z.number().int(),
  differing: z.number().int(),
  /** …and the first five of them by primary key; for a row in both, the columns whose values differ. */
  differences: readonlyArray(
    z.object({
      key: z.record(z.string(), z.unknown()),
      kind: z.enum(['only live', 'only rebuilt', 'differs']),
      columns: readonlyArray(z.string()).optional(),
    }),
  ),
  /** Columns not compared: when the projection applied an event, which a rebuild cannot reproduce. */
  notCompared: readonlyArray(z.string()),
});
export type TableComparisonView = z.infer<typeof tableComparisonSchema>;

/** One stream replayed: from where (its first retained event) to where, what applied, and what retention has taken. */
export const streamReplayViewSchema = z.object({
  stream: z.string(),
  consumer: z.string(),
  events: z.enum(['all', 'logs only', 'all but logs']),
  firstRetained: z.number().int(),
  /** Events the stream no longer holds (purged by retention, or older ones of a subject kept per subject): the rebuild cannot restore what they made. */
  purged: z.number().int(),
  firstRetainedAt: z.string().nullable(),
  position: z.number().int(),
  applied: z.number().int(),
  failed: z.number().int(),
  failures: readonlyArray(z.object({ sequence: z.number().int(), subject: z.string(), error: z.string() })),
  /** How long its replay took (the audit's streams are replayed beside the read models'). */
  seconds: z.number(),
});
export type StreamReplayView = z.infer<typeof streamReplayViewSchema>;

/** What a rebuild did: the streams replayed, each table compared, whether it swapped, and in how long. */
export const rebuildReportSchema = z.object({
  model: z.enum(rebuildTargets),
  streams: readonlyArray(streamReplayViewSchema),
  tables: readonlyArray(tableComparisonSchema),
  /** True when every table rebuilt equals its live twin (a dropped live table never does). */
  identical: z.boolean(),
  /** Live rows no replayed event restores, in all tables: what a swap would drop. */
  unrestorable: z.number().int(),
  /** Why rows cannot be restored, in words, when some cannot. */
  unrestorableBecause: z.string().nullable(),
  swapped: z.boolean(),
  eventsApplied: z.number().int(),
  seconds: z.number(),
  eventsPerSecond: z.number(),
});
export type RebuildReport = z.infer<typeof rebuildReportSchema>;
