import { expectPositionals, parseCommandLine } from '../args';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { formatDateTime } from '../render/format';

export const cancelCommand: Command = {
  name: 'cancel',
  summary: 'Cancel a queued or running run',
  usage: 'cancel <runId>',
  help: (yard) => [
    `The run stops, its post_run step still runs, and it ends cancelled (\`${yard} logs <runId> --follow\` shows it).`,
    'A run that has already ended is left as it is: the API\'s RUN_ALREADY_FINISHED is printed and yard exits 11.',
  ].join('\n'),
  async run(argv, context) {
    const { positionals } = parseCommandLine('cancel', argv, {});
    const [runId] = expectPositionals('cancel', positionals, ['<runId>']);
    const accepted = await context.client().cancelRun(runId);
    context.io.stdout.write(`Cancel of run ${accepted.runId} requested by ${accepted.cancelRequestedBy} at ${formatDateTime(accepted.cancelRequestedAt)}\n`);
    return ExitCode.Ok;
  },
};
