import type { RunView } from '@yardmaster/contracts';
import { expectPositionals, parseCommandLine, wholeNumberOption } from '../args';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { paintForStatus, type Palette } from '../render/colours';
import { durationBetween, formatDateTime, formatDuration } from '../render/format';
import { renderTable } from '../render/table';

const OPTIONS = {
  job: { type: 'string', short: 'j' },
  status: { type: 'string', short: 's' },
  limit: { type: 'string', short: 'n' },
} as const;

export const runsCommand: Command = {
  name: 'runs',
  summary: 'List runs, newest first',
  usage: 'runs [--job <jobId>] [--status <status>] [--limit <n>]',
  help: () => [
    'Options:',
    '  -j, --job <jobId>      only this job\'s runs',
    '  -s, --status <status>  only runs in this state: pending, scheduled, queued, running, completed, failed,',
    '                         errored, cancelled, timed_out',
    '  -n, --limit <n>        at most n runs (1 to 500; default 20)',
  ].join('\n'),
  async run(argv, context) {
    const { values, positionals } = parseCommandLine('runs', argv, OPTIONS);
    expectPositionals('runs', positionals, []);
    const limit = wholeNumberOption('runs', 'limit', values.limit, 1, 500) ?? 20;
    const page = await context.client().runs({ jobId: values.job, status: values.status, limit });
    const { stdout, palette } = context.io;
    if (page.items.length === 0) {
      stdout.write('No runs.\n');
      return ExitCode.Ok;
    }
    stdout.write(renderRunsTable(page.items, palette));
    if (page.total > page.items.length) stdout.write(palette.dim(`${page.items.length} of ${page.total} runs (--limit for more)\n`));
    return ExitCode.Ok;
  },
};

export function renderRunsTable(runs: readonly RunView[], palette: Palette): string {
  const rows = runs.map((run) => [
    run.id,
    run.jobId,
    paintForStatus(palette, run.status)(run.status),
    // Null while the run's request event is late: the read model knows the run from its start alone.
    run.queue ?? '-',
    run.requestedBy ?? '-',
    formatDateTime(run.createdAt),
    runDuration(run),
  ]);
  return renderTable(['ID', 'JOB', 'STATUS', 'QUEUE', 'REQUESTED BY', 'CREATED', 'TOOK'], rows, { header: palette.bold });
}

/** From request to end; `-` while the run goes on. */
function runDuration(run: RunView): string {
  const took = durationBetween(run.createdAt, run.completedAt);
  return took === null ? '-' : formatDuration(took);
}
