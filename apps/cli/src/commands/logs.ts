import { expectPositionals, parseCommandLine } from '../args';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { followRun } from '../follow-run';
import { formatLogLine } from '../render/format';
import { optionsHelp } from '../render/options-help';

const OPTIONS = {
  follow: { type: 'boolean', short: 'f' },
} as const;

export const logsCommand: Command = {
  name: 'logs',
  summary: "Print a run's log, or follow it live with --follow",
  usage: 'logs <runId> [--follow]',
  help: () =>
    optionsHelp(
      [
        [
          '-f, --follow',
          'print the run from its first event and follow it live until it ends, then exit with the',
          'code of its end state (0 completed, 1 failed, 2 errored, 3 cancelled, 4 timed_out)',
        ],
      ],
      ['Without --follow, prints every log entry written so far and exits 0.'],
    ),
  async run(argv, context) {
    const { values, positionals } = parseCommandLine('logs', argv, OPTIONS);
    const [runId] = expectPositionals('logs', positionals, ['<runId>']);
    if (values.follow) return followRun(context, runId);
    const entries = await context.client().logs(runId);
    const { stdout, stderr, palette } = context.io;
    if (entries.length === 0) stderr.write('No log entries (yet).\n');
    for (const entry of entries) stdout.write(`${formatLogLine(entry, palette)}\n`);
    return ExitCode.Ok;
  },
};
