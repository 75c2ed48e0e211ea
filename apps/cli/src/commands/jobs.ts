import { parseOptionsOnly } from '../args';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { renderTable } from '../render/table';

export const jobsCommand: Command = {
  name: 'jobs',
  summary: 'List the job catalog: id, name, grouping, installed',
  usage: 'jobs',
  help: () => 'Every job the collectors have announced, by grouping then name. A job no collector hosts any more is\nlisted with installed "no"; its runs stay.',
  async run(argv, context) {
    parseOptionsOnly('jobs', argv, {});
    const jobs = await context.client().jobs();
    const { stdout, palette } = context.io;
    if (jobs.length === 0) {
      stdout.write('No jobs: no collector has announced any yet.\n');
      return ExitCode.Ok;
    }
    const rows = jobs.map((job) => [job.id, job.name, job.grouping, job.installed ? 'yes' : palette.yellow('no')]);
    stdout.write(renderTable(['ID', 'NAME', 'GROUPING', 'INSTALLED'], rows, { header: palette.bold }));
    return ExitCode.Ok;
  },
};
