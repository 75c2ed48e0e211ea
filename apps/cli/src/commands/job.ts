import type { NamedVariableDefinition } from '@yardmaster/contracts';
import type { JobView } from '@yardmaster/contracts';
import { expectPositionals, parseCommandLine } from '../args';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import type { Palette } from '../render/colours';
import { renderTable } from '../render/table';

export const jobCommand: Command = {
  name: 'job',
  summary: "Show one job: description, steps, and its variables' types, defaults and constraints",
  usage: 'job <jobId>',
  help: (yard) => `Job ids are <module>.<ClassName>, e.g. examples.HelloWorld (\`${yard} jobs\` lists them).`,
  async run(argv, context) {
    const { positionals } = parseCommandLine('job', argv, {});
    const [jobId] = expectPositionals('job', positionals, ['<jobId>']);
    const job = await context.client().job(jobId);
    context.io.stdout.write(renderJob(job, context.io.palette));
    return ExitCode.Ok;
  },
};

export function renderJob(job: JobView, palette: Palette): string {
  const lines = [
    `${palette.bold(job.id)}  ${job.name}${job.installed ? '' : palette.yellow('  (not installed)')}`,
    ...(job.description ? [job.description] : []),
    '',
    `Grouping:  ${job.grouping}`,
    `Steps:     ${job.steps.join(', ') || '-'}`,
    '',
  ];
  if (job.variables.length === 0) return `${lines.join('\n')}Variables: none\n`;
  const rows = job.variables.map((variable) => [
    variable.name,
    variable.type,
    variable.required ? 'yes' : 'no',
    variable.default === undefined ? '-' : JSON.stringify(variable.default),
    describeConstraints(variable) || '-',
    [variable.label !== variable.name ? variable.label : '', variable.description].filter(Boolean).join(': '),
  ]);
  return `${lines.join('\n')}Variables:\n${renderTable(['NAME', 'TYPE', 'REQUIRED', 'DEFAULT', 'CONSTRAINTS', 'DESCRIPTION'], rows, { header: palette.bold })}`;
}

/**
 * `1 to 100`, `at most 100 characters`, `matches [a-z]+`, `one of complete, fail, error`, `IPv4`, ... Read by
 * property name rather than by type, so that variable types added later show their constraints too.
 */
export function describeConstraints(variable: NamedVariableDefinition): string {
  const fields = variable as unknown as Readonly<Record<string, unknown>>;
  const number = (key: string): number | undefined => (typeof fields[key] === 'number' ? (fields[key] as number) : undefined);
  const range = (min: number | undefined, max: number | undefined, unit = '', prefix = ''): string | null => {
    if (min !== undefined && max !== undefined) return `${prefix}${min} to ${prefix}${max}${unit}`;
    if (min !== undefined) return `at least ${prefix}${min}${unit}`;
    if (max !== undefined) return `at most ${prefix}${max}${unit}`;
    return null;
  };
  const parts = [
    range(number('minLength'), number('maxLength'), ' characters'),
    typeof fields.regex === 'string' ? `matches ${fields.regex}` : null,
    range(number('minValue'), number('maxValue')),
    Array.isArray(fields.choices) ? `one of ${fields.choices.map((choice) => String(Array.isArray(choice) ? choice[0] : choice)).join(', ')}` : null,
    range(number('minSelections'), number('maxSelections'), ' selected'),
    number('version') !== undefined ? `IPv${number('version')}` : null,
    range(number('minPrefixLength'), number('maxPrefixLength'), '', '/'),
    range(undefined, number('maxSizeBytes'), ' bytes (upload with --file)'),
    typeof fields.model === 'string' ? `id of a ${fields.model.replace('_', ' ')}` : null,
    fields.queryFilters && typeof fields.queryFilters === 'object' ? `where ${Object.entries(fields.queryFilters).map(([key, value]) => `${key}=${String(value)}`).join(', ')}` : null,
  ];
  return parts.filter((part): part is string => part !== null).join('; ');
}
