import type { NatsConnection } from '@nats-io/nats-core';
import { ErrorCode, streamNamesFor, subjectsFor, YardError, type RebuildReport, type StreamReplayView, type TableComparisonView } from '@yardmaster/contracts';
import { durableAckFloor, streamBounds } from '@yardmaster/messaging';
import type { DataSource, EntityManager } from '@yardmaster/read-models';
import { randomUUID } from 'node:crypto';
import { ACTIONS_RECORDED_WITHOUT_EVENT } from '../audit/audit-entry';
import { recordAuditEntry } from '../audit/audit-recorder';
import { EVENT_STREAM_SUBJECTS, type ConsumedStream, type ConsumerDefinition } from '../consumer/consumer-definition';
import { compareTable, quote, tableExists } from './compare-tables';
import { projectionPosition } from './live-positions';
import { modelsOf, READ_MODEL_TABLES, replaysFor, tablesOf, type ReadModelName, type RebuildTarget, type ReplayedStream } from './read-model-tables';
import { replayStream, type StreamReplay } from './replay-stream';
import { createShadowSchema, dropShadowSchema, SHADOW_SCHEMA, shadowDataSource } from './shadow-schema';
import { swapTables } from './swap-tables';

/** One rebuild at a time per database, whoever asks (the CLI, the API through a projection replica). */
const REBUILD_LOCK = 'yardmaster.read-models.rebuild';
/** How long the acks of transactions committed just before the lock take to reach NATS, with room to spare. */
const ACKS_SETTLE_MS = 250;

export interface RebuildDependencies {
  readonly nc: NatsConnection;
  readonly instance: string;
  readonly live: DataSource;
  readonly databaseUrl: string;
  /** The projection's consumer definitions: the rebuild applies events with their handlers. */
  readonly consumers: readonly ConsumerDefinition[];
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
}

export interface RebuildOptions {
  readonly model: RebuildTarget;
  readonly swap: boolean;
  readonly acceptLoss: boolean;
  /** Who asked, for the audit entry (a username, or `cli:<user>`). */
  readonly actor: string;
  readonly correlationId: string;
}

/** A stream being replayed, with where it stands. */
interface Replaying {
  readonly replay: ReplayedStream;
  readonly streamName: string;
  readonly filterSubject: string;
  readonly durableName: string;
  readonly consumed: ConsumedStream;
  readonly firstRetained: number;
  readonly firstRetainedAt: Date | null;
  /** Events the stream no longer holds: purged below the first, or removed in between (the catalog keeps the last per subject). */
  readonly removed: number;
  position: number;
  applied: number;
  failed: number;
  failures: StreamReplay['failures'][number][];
  /** Time spent replaying this stream, in ms. */
  spentMs: number;
}

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

async function planReplays(deps: RebuildDependencies, models: readonly ReadModelName[]): Promise<Replaying[]> {
  const streams = streamNamesFor(deps.instance);
  const subjects = subjectsFor(deps.instance);
  const planned: Replaying[] = [];
  for (const replay of replaysFor(models)) {
    const definition = deps.consumers.find((candidate) => candidate.durableName === replay.consumer);
    const consumed = definition?.streams.find((candidate) => candidate.stream === replay.stream);
    if (!consumed) throw new Error(`No consumer ${replay.consumer} reads the ${replay.stream} stream`);
    const streamName = streams[replay.stream];
    const bounds = await streamBounds(deps.nc, streamName);
    planned.push({
      replay,
      streamName,
      filterSubject: subjects[EVENT_STREAM_SUBJECTS[replay.stream]],
      durableName: streams[replay.consumer],
      consumed,
      firstRetained: bounds.firstSequence,
      firstRetainedAt: bounds.firstStoredAt,
      removed: bounds.lastSequence - bounds.messages,
      position: Math.max(0, bounds.firstSequence - 1),
      applied: 0,
      failed: 0,
      failures: [],
      spentMs: 0,
    });
  }
  return planned;
}

/**
 * Replays each stream from where its replay stands to where the live consumer that reads it is: the projection's
 * last applied event (or its ack floor), the audit's ack floor. An event the live side stored but had not
 * acknowledged when it was locked is delivered to it again after a swap, and stored then (log lines and audit
 * entries by their own keys, the rest through applied_events).
 */
async function catchUp(deps: RebuildDependencies, shadow: DataSource, replaying: Replaying[], live: Pick<EntityManager, 'query'>, liveSchema: string): Promise<void> {
  // The audit writes only its own table: its replay runs beside the read models', one stream after another in each.
  const lanes = [replaying.filter((entry) => entry.replay.consumer !== 'auditConsumer'), replaying.filter((entry) => entry.replay.consumer === 'auditConsumer')];
  await Promise.all(
    lanes.map(async (lane) => {
      for (const entry of lane) {
        const until =
          entry.replay.consumer === 'auditConsumer'
            ? ((await durableAckFloor(deps.nc, entry.streamName, entry.durableName)) ?? (await streamBounds(deps.nc, entry.streamName)).lastSequence)
            : await projectionPosition(live, deps.nc, liveSchema, entry.streamName, entry.durableName);
        await replayInto(deps, shadow, entry, until);
      }
    }),
  );
}

async function replayInto(deps: RebuildDependencies, shadow: DataSource, entry: Replaying, until: number): Promise<void> {
  const began = performance.now();
  let told = began;
  const replayed = await replayStream(deps.nc, shadow, entry.consumed, {
    stream: entry.streamName,
    filterSubject: entry.filterSubject,
    events: entry.replay.events,
    after: entry.position,
    until,
    onProgress: (position, applied) => {
      if (performance.now() - told < 5_000) return;
      told = performance.now();
      deps.log('Replaying', { stream: entry.streamName, position, until, applied: entry.applied + applied });
    },
  });
  entry.position = replayed.position;
  entry.spentMs += performance.now() - began;
  entry.applied += replayed.applied;
  entry.failed += replayed.failed;
  entry.failures.push(...replayed.failures.slice(0, Math.max(0, 10 - entry.failures.length)));
}

/**
 * Holds the live tables against writes until the transaction ends, readers going on: applied_events first (every
 * projection transaction but a batch of log lines writes it first), so that no live transaction waits in a cycle.
 */
async function lockLiveTables(manager: EntityManager, liveSchema: string, models: readonly ReadModelName[]): Promise<void> {
  const present: string[] = [];
  for (const table of ['applied_events', ...tablesOf(models)]) if (await tableExists(manager, liveSchema, table)) present.push(`${quote(liveSchema)}.${quote(table)}`);
  if (present.length > 0) await manager.query(`LOCK TABLE ${present.join(', ')} IN EXCLUSIVE MODE`);
}

/** The audit entries no event made (an administrator's replay, an earlier rebuild): no stream holds them, so they are kept. */
async function carryOverAuditWithoutEvent(manager: EntityManager, liveSchema: string): Promise<void> {
  if (!(await tableExists(manager, liveSchema, 'audit_entries'))) return;
  await manager.query(
    `INSERT INTO ${quote(SHADOW_SCHEMA)}.audit_entries SELECT * FROM ${quote(liveSchema)}.audit_entries WHERE action = ANY($1::text[]) ON CONFLICT (event_id) DO NOTHING`,
    [[...ACTIONS_RECORDED_WITHOUT_EVENT]],
  );
}

/**
 * The tables a swap moves: the models', and applied_events with them when every model is rebuilt (the rebuilt
 * record of what is applied then matches every table) or when the live one is gone.
 */
async function swappedTables(manager: EntityManager, liveSchema: string, models: readonly ReadModelName[]): Promise<string[]> {
  const tables = tablesOf(models);
  const everything = models.length === modelsOf('all').length;
  return everything || !(await tableExists(manager, liveSchema, 'applied_events')) ? [...tables, 'applied_events'] : tables;
}

function reportOf(options: RebuildOptions, replaying: readonly Replaying[], tables: readonly TableComparisonView[], started: number): RebuildReport {
  const streams: StreamReplayView[] = replaying.map((entry) => ({
    stream: entry.streamName,
    consumer: entry.durableName,
    events: entry.replay.events,
    firstRetained: entry.firstRetained,
    purged: entry.removed,
    firstRetainedAt: entry.firstRetainedAt?.toISOString() ?? null,
    position: entry.position,
    applied: entry.applied,
    failed: entry.failed,
    failures: entry.failures,
    seconds: Math.round(entry.spentMs / 10) / 100,
  }));
  const unrestorable = tables.reduce((sum, table) => sum + table.onlyLive, 0);
  const seconds = (performance.now() - started) / 1000;
  const eventsApplied = streams.reduce((sum, stream) => sum + stream.applied, 0);
  return {
    model: options.model,
    streams,
    tables,
    identical: tables.every((table) => table.equal),
    unrestorable,
    unrestorableBecause: unrestorable === 0 ? null : whyUnrestorable(streams, tables),
    swapped: false,
    eventsApplied,
    seconds: Math.round(seconds * 100) / 100,
    eventsPerSecond: Math.round(eventsApplied / Math.max(seconds, 0.001)),
  };
}

/** Names the tables with rows only live, and the streams retention has purged (or says none was). */
function whyUnrestorable(streams: readonly StreamReplayView[], tables: readonly TableComparisonView[]): string {
  const rows = tables.filter((table) => table.onlyLive > 0).map((table) => `${table.onlyLive} in ${table.table}`).join(', ');
  const purged = streams.filter((stream) => stream.purged > 0);
  if (purged.length === 0) return `${rows}: no retained event makes them, and no stream has been purged`;
  const gone = purged.map((stream) => `${stream.stream} holds events from #${stream.firstRetained}${stream.firstRetainedAt ? ` (${stream.firstRetainedAt})` : ''}, ${stream.purged} no longer held`).join('; ');
  return `${rows}: the streams no longer hold the events that made them (${gone})`;
}

/** The rebuild in the audit, as the projection records an administrator's replay: no event makes it. */
async function recordRebuild(manager: EntityManager, liveSchema: string, options: RebuildOptions, report: RebuildReport): Promise<void> {
  // The audit's table was dropped and not rebuilt: nowhere to record it.
  if (!(await tableExists(manager, liveSchema, 'audit_entries'))) return;
  await recordAuditEntry(manager, {
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    actor: options.actor,
    action: options.swap ? 'read_models.rebuilt' : 'read_models.checked',
    targetType: 'read-models',
    targetId: options.model,
    summary: `${options.swap ? 'rebuilt and swapped in' : 'rebuilt and compared'} read models: ${options.model} (${report.identical ? 'identical' : `${report.tables.filter((table) => !table.equal).length} tables differed`})`,
    correlationId: options.correlationId || null,
    details: { model: options.model, swapped: options.swap, identical: report.identical, unrestorable: report.unrestorable, eventsApplied: report.eventsApplied, seconds: report.seconds },
  });
}
