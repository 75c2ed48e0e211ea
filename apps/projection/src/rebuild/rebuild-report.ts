import type { RebuildReport, StreamReplayView, TableComparisonView } from '@yardmaster/contracts';
import type { EntityManager } from '@yardmaster/read-models';
import { randomUUID } from 'node:crypto';
import { recordAuditEntry } from '../audit/audit-recorder';
import { tableExists } from './compare-tables';
import type { RebuildOptions } from './rebuild-dependencies';
import type { Replaying } from './stream-replays';

/** The report of a rebuild: each stream replayed, each table compared, what cannot be restored and why. */
export function reportOf(options: RebuildOptions, replaying: readonly Replaying[], tables: readonly TableComparisonView[], started: number): RebuildReport {
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
export async function recordRebuild(manager: EntityManager, liveSchema: string, options: RebuildOptions, report: RebuildReport): Promise<void> {
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
