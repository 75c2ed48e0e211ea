import type { ScheduleTimingView, ScheduleView } from '@yardmaster/contracts';
import { parseOptionsOnly } from '../args';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { paintForStatus, type Palette } from '../render/colours';
import { formatDateTime } from '../render/format';
import { optionsHelp } from '../render/options-help';
import { renderTable } from '../render/table';

const OPTIONS = {
  job: { type: 'string', short: 'j' },
  state: { type: 'string' },
} as const;

export const schedulesCommand: Command = {
  name: 'schedules',
  summary: 'List schedules: when each fires, its state, next and last run',
  usage: 'schedules [--job <jobId>] [--state active|paused]',
  help: () => optionsHelp([['-j, --job <jobId>', "only this job's schedules"], ['--state <state>', 'active or paused']]),
  async run(argv, context) {
    const values = parseOptionsOnly('schedules', argv, OPTIONS);
    const schedules = await context.client().schedules({ jobId: values.job, state: values.state });
    const { stdout, palette } = context.io;
    if (schedules.length === 0) {
      stdout.write('No schedules.\n');
      return ExitCode.Ok;
    }
    stdout.write(renderSchedulesTable(schedules, palette));
    return ExitCode.Ok;
  },
};

export function renderSchedulesTable(schedules: readonly ScheduleView[], palette: Palette): string {
  const rows = schedules.map((schedule) => [
    schedule.id,
    schedule.key,
    schedule.jobId,
    describeTiming(schedule.timing),
    schedule.state === 'paused' ? palette.yellow(`paused${schedule.pausedReason ? `: ${schedule.pausedReason}` : ''}`) : schedule.state,
    formatDateTime(schedule.nextRunTimes[0]),
    schedule.lastRun ? `${formatDateTime(schedule.lastRun.at)} ${paintForStatus(palette, schedule.lastRun.status ?? '')(schedule.lastRun.status ?? '')}`.trim() : '-',
    String(schedule.totalRuns),
  ]);
  return renderTable(['ID', 'KEY', 'JOB', 'WHEN', 'STATE', 'NEXT RUN', 'LAST RUN', 'RUNS'], rows, { header: palette.bold });
}

/** `cron 0 2 * * * (Europe/Paris)`, `every 15 min`, `once at 2025-01-01 02:00:00`. */
export function describeTiming(timing: ScheduleTimingView): string {
  if ('cron' in timing) return `cron ${timing.cron} (${timing.timezone})`;
  if ('intervalMinutes' in timing) return `every ${timing.intervalMinutes} min`;
  return `once at ${formatDateTime(timing.at)}`;
}
