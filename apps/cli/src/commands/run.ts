import type { StartRunRequest } from '@yardmaster/contracts';
import { expectPositionals, parseCommandLine, wholeNumberOption } from '../args';
import { buildRunData, readDataFile } from '../coerce';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { ExitCode } from '../exit-codes';
import { followRun } from '../follow-run';
import { optionsHelp } from '../render/options-help';
import { readRunFiles } from '../run-files';

const OPTIONS = {
  data: { type: 'string', short: 'd', multiple: true },
  'data-file': { type: 'string' },
  file: { type: 'string', multiple: true },
  commit: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  queue: { type: 'string', short: 'q' },
  timeout: { type: 'string' },
  follow: { type: 'boolean', short: 'f' },
  'run-as': { type: 'string' },
} as const;

export const runCommand: Command = {
  name: 'run',
  summary: 'Run a job; print the run id, or follow it live with --follow',
  usage: 'run <jobId> [--data name=value ...] [--data-file f.json] [--file variable=path ...] [--commit | --dry-run] [--queue <q>] [--timeout <s>] [--run-as <user>] [--follow]',
  help: (yard) =>
    optionsHelp(
      [
        [
          '-d, --data name=value',
          `a variable's value; repeat for each. Coerced by the job's variables (\`${yard} job <jobId>\`):`,
          'integer → number, boolean → true/false (also yes/no, on/off, 1/0), object or array',
          '→ parsed JSON, the rest as text. A value that does not fit its variable is refused',
          'here, before anything is sent (exit 10)',
        ],
        ['--data-file <file>', 'a JSON object of values; --data values go over it'],
        [
          '--file variable=path',
          'upload a file for a file variable; repeat for each. The request goes as',
          "multipart/form-data; the API refuses a file over the variable's size cap (413)",
          'and keeps it only until the run ends',
        ],
        ['--commit, --dry-run', "run with commit true or false (default: the job's)"],
        ['-q, --queue <queue>', 'high, default, low, or a custom queue'],
        ['--timeout <seconds>', "lower the job's whole-run timeout for this run"],
        ['--run-as <user>', 'run as another user (administrators only); the run records you and them'],
        [
          '-f, --follow',
          'follow the run live: its log entries as they are written, a progress bar, how it',
          'ended; exit 0 completed, 1 failed, 2 errored, 3 cancelled, 4 timed_out',
        ],
      ],
      [
        'Without --follow, prints the run id (only) and exits 0 once the run is queued.',
        '',
        'Example:',
        `  ${yard} run examples.HelloWorld --data name=yard --data count=5 --follow`,
        `  ${yard} run examples.UploadSummary --file file=running-config.txt --follow`,
      ],
    ),
  async run(argv, context) {
    const { values, positionals } = parseCommandLine('run', argv, OPTIONS);
    const [jobId] = expectPositionals('run', positionals, ['<jobId>']);
    if (values.commit && values['dry-run']) throw new UsageError('run: --commit and --dry-run exclude each other', [], 'run');
    const runTimeoutSeconds = wholeNumberOption('run', 'timeout', values.timeout, 1);
    if (values.queue !== undefined && values.queue.trim() === '') throw new UsageError('run: --queue needs a queue name', [], 'run');
    if (values['run-as'] !== undefined && values['run-as'].trim() === '') throw new UsageError('run: --run-as needs a username', [], 'run');
    const fileData = values['data-file'] === undefined ? {} : readDataFile(values['data-file']);
    const assignments = values.data ?? [];
    const fileAssignments = values.file ?? [];

    const client = context.client();
    // The job's variables say how to read each `--data` value and which are files; without any, there is nothing to check.
    const job = assignments.length > 0 || fileAssignments.length > 0 ? await client.job(jobId) : null;
    const data = buildRunData(fileData, assignments, job);
    const files = job ? readRunFiles(fileAssignments, job) : [];

    const request: StartRunRequest = {
      data,
      ...(values.commit ? { commit: true } : {}),
      ...(values['dry-run'] ? { commit: false } : {}),
      ...(values.queue === undefined ? {} : { queue: values.queue.trim() }),
      ...(runTimeoutSeconds === undefined ? {} : { runTimeoutSeconds }),
      ...(values['run-as'] === undefined ? {} : { runAs: values['run-as'].trim() }),
    };
    const accepted = await client.startRun(jobId, request, files);
    const { stdout, palette } = context.io;
    if (!values.follow) {
      stdout.write(`${accepted.runId}\n`);
      return ExitCode.Ok;
    }
    stdout.write(
      `${palette.bold(`Run ${accepted.runId}`)} ${accepted.status}: ${accepted.jobId}, queue ${accepted.queue}${accepted.commit === false ? ', dry run' : accepted.commit === null ? ', read-only' : ''}, timeout ${accepted.runTimeoutSeconds} s\n`,
    );
    return followRun(context, accepted.runId);
  },
};
