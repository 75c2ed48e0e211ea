import {
  factsReportEntryViewSchema,
  factsReportViewSchema,
  factsResolveResultSchema,
  pageSchema,
  type FactsReportEntryView,
  type FactsReportView,
  type FactsResolution,
  type FactsResolveResult,
  type JsonObject,
} from '@yardmaster/contracts';
import { expectPositionals, parseCommandLine, wholeNumberOption } from '../args';
import type { Command, CommandContext } from '../command';
import { ExitCode } from '../exit-codes';
import type { Palette, Paint } from '../render/colours';
import { formatDateTime } from '../render/format';
import { optionsHelp } from '../render/options-help';
import { renderTable } from '../render/table';

const SHOW_OPTIONS = {
  json: { type: 'boolean' },
  status: { type: 'string', short: 's' },
  action: { type: 'string', short: 'a' },
  device: { type: 'string', short: 'd' },
  limit: { type: 'string', short: 'n' },
} as const;

const RESOLVE_OPTIONS = { entry: { type: 'string', short: 'e', multiple: true }, json: { type: 'boolean' } } as const;

/** Entries shown without `--limit`; the API gives up to a thousand at once. */
const DEFAULT_ENTRIES = 100;
const MAX_ENTRIES = 1000;

export const reportCommand: Command = {
  name: 'report',
  summary: "A plan run's facts report, and applying or skipping its entries",
  usage: 'report <id> [options] | report apply <id> [--entry <entryId> ...] | report skip <id> [--entry <entryId> ...]',
  help: (yard) =>
    [
      `  ${yard} report <id>                  the summary, the devices that failed, then the entries (a report's id is its run's id)`,
      `  ${yard} report apply <id>            apply every pending entry to the inventory (one transaction; a bad entry fails alone)`,
      `  ${yard} report apply <id> --entry E  apply only these entries (repeat --entry); one not pending refuses all (exit 11)`,
      `  ${yard} report skip <id> [--entry E] skip entries: the inventory stays as it is`,
      '',
      optionsHelp([
        ['-s, --status <status>', 'only entries pending, applied, skipped or failed'],
        ['-a, --action <action>', 'only entries new, changed, confirmed or stale'],
        ['-d, --device <deviceId>', "only this device's entries"],
        ['-n, --limit <n>', `at most n entries (1 to ${MAX_ENTRIES}; default ${DEFAULT_ENTRIES})`],
        ['--json', 'the answer as JSON instead of tables'],
      ]),
      '',
      'apply and skip exit 0 when every entry ended as asked, 11 when some failed to apply (each is printed with why).',
    ].join('\n'),
  async run(argv, context) {
    const [first, ...rest] = argv;
    if (first === 'apply' || first === 'skip') return resolve(first, rest, context);
    return show(argv, context);
  },
};

async function show(argv: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandLine('report', argv, SHOW_OPTIONS);
  const [id] = expectPositionals('report', positionals, ['<id>']);
  const limit = wholeNumberOption('report', 'limit', values.limit, 1, MAX_ENTRIES) ?? DEFAULT_ENTRIES;
  const client = context.client();
  const path = `/api/facts-reports/${encodeURIComponent(id)}`;
  const report = await client.getJson(path, factsReportViewSchema);
  const entries = await client.getJson(`${path}/entries`, pageSchema(factsReportEntryViewSchema), { status: values.status, action: values.action, deviceId: values.device, limit });
  const { stdout, palette } = context.io;
  if (values.json) {
    stdout.write(`${JSON.stringify({ report, entries }, null, 2)}\n`);
    return ExitCode.Ok;
  }
  stdout.write(renderReportSummary(report, palette));
  stdout.write('\n');
  if (entries.items.length === 0) stdout.write('No entries.\n');
  else stdout.write(renderEntriesTable(entries.items, palette));
  if (entries.total > entries.items.length) stdout.write(palette.dim(`${entries.items.length} of ${entries.total} entries (--limit, --status, --action, --device for others)\n`));
  return ExitCode.Ok;
}

async function resolve(resolution: FactsResolution, argv: readonly string[], context: CommandContext): Promise<number> {
  const command = `report ${resolution}`;
  const { values, positionals } = parseCommandLine(command, argv, RESOLVE_OPTIONS);
  const [id] = expectPositionals(command, positionals, ['<id>']);
  const body = values.entry && values.entry.length > 0 ? { entries: values.entry } : {};
  const result = await context.client().postJson(`/api/facts-reports/${encodeURIComponent(id)}/${resolution}`, factsResolveResultSchema, body);
  const { stdout, stderr, palette } = context.io;
  if (values.json) stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else stdout.write(renderResolution(result, palette));
  for (const failed of result.entries.filter((entry) => entry.status === 'failed')) {
    stderr.write(`Entry ${failed.id} failed (${failed.error?.code ?? 'unknown'}): ${failed.error?.message ?? ''}\n`);
  }
  return result.failed === 0 ? ExitCode.Ok : ExitCode.Api;
}

export function renderReportSummary(report: FactsReportView, palette: Palette): string {
  const { entries, devices } = report;
  const counts = (byKey: Record<string, number>) =>
    Object.entries(byKey)
      .map(([key, count]) => `${key} ${count}`)
      .join(', ');
  const expected = entries.expected !== null && entries.expected !== entries.total ? ` (${entries.expected} expected)` : '';
  const lines = [
    `${palette.bold(`Facts report ${report.id}`)}`,
    `Plan:     ${report.planName} (${report.planId}), ${report.detectOnly ? 'detect only' : 'apply'}`,
    `Status:   ${paintForReportStatus(palette, report.status)(report.status)}`,
    `Opened:   ${formatDateTime(report.openedAt)}${report.closedAt ? `, closed ${formatDateTime(report.closedAt)}` : ', still collecting'}`,
    `Devices:  ${devices.total}: ${devices.collected} collected, ${devices.failed} failed`,
    `Entries:  ${entries.total}${expected}: ${counts(entries.byAction)}`,
    `          ${counts(entries.byStatus)}`,
  ];
  if (report.failedDevices.length > 0) {
    lines.push('', 'Devices that failed:');
    const table = renderTable(
      ['DEVICE', 'CODE', 'WHY'],
      report.failedDevices.map((device) => [device.deviceName, device.code, device.message]),
      { header: palette.bold },
    );
    lines.push(...table.trimEnd().split('\n').map((line) => `  ${line}`));
  }
  return `${lines.join('\n')}\n`;
}

export function renderEntriesTable(entries: readonly FactsReportEntryView[], palette: Palette): string {
  const rows = entries.map((entry) => [
    entry.id,
    entry.deviceName,
    entry.collectorType,
    entry.key,
    entry.action,
    paintForReportStatus(palette, entry.status)(entry.status),
    entryDetail(entry),
  ]);
  return renderTable(['ID', 'DEVICE', 'COLLECTOR', 'KEY', 'ACTION', 'STATUS', 'DETAIL'], rows, { header: palette.bold });
}

function renderResolution(result: FactsResolveResult, palette: Palette): string {
  const verb = result.resolution === 'apply' ? 'Applied' : 'Skipped';
  if (result.entries.length === 0) return `Nothing to ${result.resolution}: no entry of facts report ${result.reportId} is pending.\n`;
  const done = result.resolution === 'apply' ? result.applied : result.skipped;
  const failed = result.failed > 0 ? palette.red(`, ${result.failed} failed`) : '';
  return `${verb} ${done} of ${result.entries.length} entries of facts report ${result.reportId}${failed}\n`;
}

/** Why an entry failed; else what a change changes (`mtu 1500 → 9000`), or what a new entry is. */
function entryDetail(entry: FactsReportEntryView): string {
  if (entry.error) return `${entry.error.code}: ${entry.error.message}`;
  if (entry.action === 'changed' && entry.detected && entry.current) return changedFields(entry.detected, entry.current);
  return '';
}

function changedFields(detected: JsonObject, current: JsonObject): string {
  return Object.keys(detected)
    .filter((field) => field in current && JSON.stringify(detected[field]) !== JSON.stringify(current[field]))
    .map((field) => `${field} ${JSON.stringify(current[field])} → ${JSON.stringify(detected[field])}`)
    .join(', ');
}

/** applied green, failed red, partial and skipped yellow, collecting cyan, the rest as is. */
function paintForReportStatus(palette: Palette, status: string): Paint {
  switch (status) {
    case 'applied':
    case 'completed':
      return palette.green;
    case 'failed':
      return palette.red;
    case 'partial':
    case 'skipped':
      return palette.yellow;
    case 'collecting':
      return palette.cyan;
    default:
      return (text) => text;
  }
}
