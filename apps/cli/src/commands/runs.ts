import type { RunView } from '@yardmaster/contracts';
import { parseOptionsOnly } from '../args';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { LIMIT_OPTION, limitHelp, pageLimit, writePage } from '../list-page';
import { paintForStatus, type Palette } from '../render/colours';
import { durationBetween, formatDateTime, formatDuration } from '../render/format';
import { optionsHelp } from '../render/options-help';
import { renderTable } from '../render/table';

const OPTIONS = {
  job: { type: 'string', short: 'j' },
  status: { type: 'string', short: 's' },
  limit: LIMIT_OPTION,
} as const;

export const runsCommand: Command = {
  name: 'runs',
  summary: 'List runs, newest first',
  usage: 'runs [--job <jobId>] [--status <status>] [--limit <n>]',
  help: () =>
    optionsHelp([
      ['-j, --job <jobId>', "only this job's runs"],
      ['-s, --status <status>', 'only runs in this state: pending, scheduled, queued, running, completed, failed,', 'errored, cancelled, timed_out'],
      limitHelp('runs'),
    ]),
  async run(argv, context) {
    const values = parseOptionsOnly('runs', argv, OPTIONS);
    const page = await context.client().runs({ jobId: values.job, status: values.status, limit: pageLimit('runs', values.limit) });
    writePage(context.io, page, 'runs', (runs) => renderRunsTable(runs, context.io.palette));
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
