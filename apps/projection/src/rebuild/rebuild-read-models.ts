import { ErrorCode, YardError, type RebuildReport, type TableComparisonView } from '@yardmaster/contracts';
import type { DataSource } from '@yardmaster/read-models';
import { compareTable } from './compare-tables';
import { carryOverAuditWithoutEvent, lockLiveTables, swappedTables } from './live-tables';
import { modelsOf, READ_MODEL_TABLES, type ReadModelName } from './read-model-tables';
import type { RebuildDependencies, RebuildOptions } from './rebuild-dependencies';
import { recordRebuild, reportOf } from './rebuild-report';
import { createShadowSchema, dropShadowSchema, shadowDataSource } from './shadow-schema';
import { catchUp, planReplays, type Replaying } from './stream-replays';
import { swapTables } from './swap-tables';

export type { RebuildDependencies, RebuildOptions } from './rebuild-dependencies';

/** One rebuild at a time per database, whoever asks (the CLI, the API through a projection replica). */
const REBUILD_LOCK = 'yardmaster.read-models.rebuild';
/** How long the acks of transactions committed just before the lock take to reach NATS, with room to spare. */
const ACKS_SETTLE_MS = 250;

/**
 * Rebuilds read models from the event streams while the live projection keeps serving:
 * 1. replays each stream the models need, from its first retained event to where the live projection is, into the
 *    shadow schema (built by the same migrations), with the live consumers' own handlers and upcasting reader;
 * 2. locks the live tables against writes (readers go on), catches up with what the live projection applied
 *    meanwhile, and compares table by table (counts, checksums, the first rows that differ);
 * 3. when asked, swaps the rebuilt tables in, in that same transaction, and records who did it in the audit.
 * Live rows no retained event restores (retention purged their events) are counted, and a swap that would drop
 * them is refused unless `acceptLoss`.
 */
export async function rebuildReadModels(deps: RebuildDependencies, options: RebuildOptions): Promise<RebuildReport> {
  const started = performance.now();
  const models = modelsOf(options.model);
  const session = deps.live.createQueryRunner();
  await session.connect();
  const shadow = shadowDataSource(deps.databaseUrl);
  try {
    const [{ locked }]: Array<{ locked: boolean }> = await session.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [REBUILD_LOCK]);
    if (!locked) throw new YardError(ErrorCode.RebuildInProgress, 'Another rebuild of the read models is running; try again when it has finished');
    try {
      const [{ schema: liveSchema }]: Array<{ schema: string }> = await session.query(`SELECT current_schema() AS schema`);
      await createShadowSchema(deps.live, await shadow.initialize());
      const replaying = await planReplays(deps, models);
      deps.log('Rebuilding read models', { model: options.model, streams: replaying.map(({ streamName, replay }) => `${streamName} (${replay.events})`) });
      await catchUp(deps, shadow, replaying, session.manager, liveSchema);

      return await compareAndSwapUnderLock(deps, shadow, session, { options, models, replaying, liveSchema, started });
    } finally {
      await dropShadowSchema(session).catch(() => undefined);
      await session.query(`SELECT pg_advisory_unlock(hashtext($1))`, [REBUILD_LOCK]).catch(() => undefined);
    }
  } finally {
    if (shadow.isInitialized) await shadow.destroy();
    await session.release();
  }
}

/** A connection of the live DataSource held for the whole rebuild (its advisory lock, its transaction). */
type Session = ReturnType<DataSource['createQueryRunner']>;

interface LockedStep {
  readonly options: RebuildOptions;
  readonly models: readonly ReadModelName[];
  readonly replaying: Replaying[];
  readonly liveSchema: string;
  readonly started: number;
}

/**
 * In one transaction on `session`: locks the live tables against writes, catches up with what the live projection
 * applied meanwhile, compares every table, swaps when asked (and allowed), and audits the rebuild. Rolls back on
 * any failure or refusal, leaving the live tables as they were.
 */
async function compareAndSwapUnderLock(deps: RebuildDependencies, shadow: DataSource, session: Session, step: LockedStep): Promise<RebuildReport> {
  const { options, models, replaying, liveSchema, started } = step;
  await session.startTransaction();
  try {
    await lockLiveTables(session.manager, liveSchema, models);
    // The acks of what the live consumers committed just before reach the server: their positions are where they are.
    await new Promise((resolve) => setTimeout(resolve, ACKS_SETTLE_MS));
    // Whatever the live projection applied while the replay ran; it waits from here until the commit.
    await catchUp(deps, shadow, replaying, session.manager, liveSchema);
    if (models.includes('audit')) await carryOverAuditWithoutEvent(session.manager, liveSchema);
    const tables: TableComparisonView[] = [];
    for (const model of models) {
      for (const table of READ_MODEL_TABLES[model].tables) tables.push(await compareTable(session.manager, liveSchema, table, READ_MODEL_TABLES[model].projectionTimes[table] ?? []));
    }
    const report = reportOf(options, replaying, tables, started);
    if (options.swap && report.unrestorable > 0 && !options.acceptLoss) {
      throw new YardError(
        ErrorCode.RebuildWouldLoseRows,
        `A swap would drop ${report.unrestorable} live rows the rebuild could not restore (${report.unrestorableBecause}); nothing was swapped. Swap with acceptLoss to drop them.`,
        undefined,
        { unrestorable: report.unrestorable },
      );
    }
    if (options.swap) await swapTables(session.manager, liveSchema, await swappedTables(session.manager, liveSchema, models));
    await recordRebuild(session.manager, liveSchema, options, report);
    await session.commitTransaction();
    deps.log(options.swap ? 'Read models rebuilt and swapped in' : 'Read models rebuilt and compared', { model: options.model, identical: report.identical, seconds: report.seconds });
    return { ...report, swapped: options.swap };
  } catch (error) {
    await session.rollbackTransaction();
    throw error;
  }
}

