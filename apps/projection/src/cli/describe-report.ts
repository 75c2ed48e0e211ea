import type { RebuildReport } from '@yardmaster/contracts';

/** A rebuild's report as lines for a terminal: each stream replayed, each table compared, and the verdict. */
export function describeReport(report: RebuildReport): string[] {
  const lines: string[] = [];
  for (const stream of report.streams) {
    const through = stream.consumer.slice(stream.consumer.lastIndexOf('_') + 1);
    if (stream.position === 0) {
      lines.push(`stream ${stream.stream} (${through}) [${stream.events}]: empty`);
      continue;
    }
    const from = stream.purged > 0 ? `from #${stream.firstRetained} (${stream.purged} events no longer held${stream.firstRetainedAt ? `, first kept ${stream.firstRetainedAt}` : ''})` : 'from its first event';
    lines.push(`stream ${stream.stream} (${through}) [${stream.events}] ${from} to #${stream.position}: ${stream.applied} applied in ${stream.seconds} s${stream.failed > 0 ? `, ${stream.failed} could not be applied` : ''}`);
    for (const failure of stream.failures) lines.push(`  #${failure.sequence} ${failure.subject}: ${failure.error}`);
  }
  for (const table of report.tables) {
    const sides = `${table.live ? `live ${table.live.rows} rows` : 'live table missing'}, rebuilt ${table.rebuilt.rows} rows`;
    if (table.equal) {
      lines.push(`table ${table.table}: identical (${sides}, checksum ${table.rebuilt.checksum})`);
      continue;
    }
    const counts = table.live ? `; ${table.onlyLive} only live, ${table.onlyRebuilt} only rebuilt, ${table.differing} differ` : '';
    lines.push(`table ${table.table}: DIFFERS (${sides}${counts})`);
    for (const difference of table.differences) {
      lines.push(`  ${JSON.stringify(difference.key)} ${difference.kind}${difference.columns ? `: ${difference.columns.join(', ')}` : ''}`);
    }
  }
  if (report.unrestorableBecause) lines.push(`cannot restore ${report.unrestorable} live rows: ${report.unrestorableBecause}`);
  lines.push(
    `${report.swapped ? 'swapped in' : report.identical ? 'identical, nothing swapped' : 'differs, nothing swapped'}: ${report.eventsApplied} events in ${report.seconds} s (${report.eventsPerSecond} events/s)`,
  );
  return lines;
}
