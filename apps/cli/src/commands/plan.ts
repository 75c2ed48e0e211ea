import type { PlanRunBody } from '@yardmaster/contracts';
import { expectPositionals, parseCommandLine } from '../args';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { ExitCode } from '../exit-codes';
import { followRun } from '../follow-run';
import { optionsHelp } from '../render/options-help';

const RUN_OPTIONS = {
  'failed-from': { type: 'string' },
  follow: { type: 'boolean', short: 'f' },
} as const;

export const planCommand: Command = {
  name: 'plan',
  summary: 'Run a collection plan now (or only the devices that failed in an earlier run of it)',
  usage: 'plan run <planId> [--failed-from <runId>] [--follow]',
  help: (yard) =>
    optionsHelp(
      [
        ['--failed-from <runId>', 'collect again only the devices that failed in that run of the plan'],
        [
          '-f, --follow',
          'follow the run live, as `run --follow` does; exit 0 completed, 1 failed (some',
          'device failed), 2 errored, 3 cancelled, 4 timed_out',
        ],
      ],
      [
        'Without --follow, prints the run id (only) and exits 0 once the run is queued. A plan whose last run is',
        'still queued or working refuses another (exit 11, CONCURRENCY_CONFLICT).',
        '',
        'Example:',
        `  ${yard} plans`,
        `  ${yard} plan run 0f5a3c1e-8d2b-4c6e-9a7f-1b2c3d4e5f60 --follow`,
        `  ${yard} plan run 0f5a3c1e-8d2b-4c6e-9a7f-1b2c3d4e5f60 --failed-from <runId> --follow`,
      ],
    ),
  async run(argv, context) {
    const [action, ...rest] = argv;
    if (action !== 'run') throw new UsageError(`plan: ${action === undefined ? 'an action is missing' : `unknown action ${JSON.stringify(action)}`} (expected run)`, [], 'plan');
    const { values, positionals } = parseCommandLine('plan run', rest, RUN_OPTIONS);
    const [planId] = expectPositionals('plan run', positionals, ['<planId>']);
    const failedFrom = values['failed-from']?.trim();
    if (failedFrom === '') throw new UsageError('plan run: --failed-from needs a run id', [], 'plan');
    const body: PlanRunBody = failedFrom === undefined ? {} : { devicesFrom: { runId: failedFrom, outcome: 'failed' } };
    const accepted = await context.client().startPlanRun(planId, body);
    const { stdout, palette } = context.io;
    if (!values.follow) {
      stdout.write(`${accepted.runId}\n`);
      return ExitCode.Ok;
    }
    const devices = failedFrom === undefined ? '' : `, the devices that failed in ${failedFrom}`;
    stdout.write(`${palette.bold(`Run ${accepted.runId}`)} ${accepted.status}: plan ${planId}${devices}, queue ${accepted.queue}, timeout ${accepted.runTimeoutSeconds} s\n`);
    return followRun(context, accepted.runId);
  },
};
