import { readFileSync } from 'node:fs';
import { ConfigError, EnvReader, readTextfsmConfig } from '@yardmaster/config';
import { openGuardedParser, TextFsmError } from '@yardmaster/textfsm';
import { expectPositionals, parseCommandLine } from '../args';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { ExitCode } from '../exit-codes';

export const parseCommand: Command = {
  name: 'parse',
  summary: "Parse a device's command output with its TextFSM template (ntc-templates), offline",
  usage: 'parse --platform <platform> --command <command> [FILE]',
  help: () =>
    [
      'Options:',
      '  --platform <platform>  the device platform as ntc-templates names it: cisco_ios, cisco_nxos, arista_eos, juniper_junos, …',
      '  --command <command>    the command that printed the output; abbreviations as the index allows them (sh ver)',
      '',
      'Reads FILE, or standard input without one, and prints the records as a JSON array (keys as ntc-templates',
      'names them). Needs no server and no token. YARD_TEXTFSM_TEMPLATES names a folder of your own templates (with',
      'its own index) searched first. Exit 10 when no template matches the platform and command; exit 14 when the',
      'template refuses the output, or runs away on it (no result within YARD_TEXTFSM_PARSE_DEADLINE_SECONDS, 10 s).',
    ].join('\n'),
  async run(argv, context) {
    const { values, positionals } = parseCommandLine('parse', argv, { platform: { type: 'string' }, command: { type: 'string' } });
    const [file] = positionals.length > 0 ? expectPositionals('parse', positionals, ['FILE']) : [undefined];
    if (!values.platform || !values.command) throw new UsageError('parse: --platform and --command are both required', [], 'parse');
    const output = file === undefined ? await context.readStdin() : readInput(file);
    const { userTemplates, parseDeadlineMs } = readConfig(context.env);
    // On a thread of its own: a template that backtracks without end fails with TEXTFSM_RUNAWAY instead of hanging.
    const parser = openGuardedParser(userTemplates, parseDeadlineMs);
    try {
      const records = await parser.parse(values.platform, values.command, output);
      context.io.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
      return ExitCode.Ok;
    } catch (error) {
      if (error instanceof TextFsmError && error.code === 'TEXTFSM_NO_TEMPLATE') {
        throw new UsageError(`parse: ${error.message}`, ['platforms and commands: the index of ntc-templates, or of YARD_TEXTFSM_TEMPLATES'], 'parse');
      }
      throw error;
    } finally {
      await parser.close();
    }
  },
};

function readInput(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`parse: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, [], 'parse');
  }
}

function readConfig(env: NodeJS.ProcessEnv) {
  try {
    const reader = new EnvReader(env);
    return reader.finish(readTextfsmConfig(reader));
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(`parse: ${error.message}`, [], 'parse');
    throw error;
  }
}
