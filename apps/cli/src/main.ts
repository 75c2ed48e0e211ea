#!/usr/bin/env node
import { ApiClient, DEFAULT_URL, type FetchLike } from './api-client';
import { asksForHelp } from './args';
import type { Command, CommandContext, FollowTuning } from './command';
import { auditCommand } from './commands/audit';
import { cancelCommand } from './commands/cancel';
import { loginCommand } from './commands/login';
import { logoutCommand } from './commands/logout';
import { whoamiCommand } from './commands/whoami';
import { jobCommand } from './commands/job';
import { jobsCommand } from './commands/jobs';
import { logsCommand } from './commands/logs';
import { parkedCommand } from './commands/parked';
import { parseCommand } from './commands/parse';
import { planCommand } from './commands/plan';
import { plansCommand } from './commands/plans';
import { reportCommand } from './commands/report';
import { runCommand } from './commands/run';
import { runsCommand } from './commands/runs';
import { schedulesCommand } from './commands/schedules';
import { describeError, UsageError } from './errors';
import { ExitCode } from './exit-codes';
import { processIo, type Io } from './io';
import { programNameFrom } from './program-name';
import { configPathFrom, readSavedLogin } from './saved-login';
import { readSecretFromStdin } from './read-secret';

export const COMMANDS: readonly Command[] = [
  jobsCommand,
  jobCommand,
  runCommand,
  runsCommand,
  logsCommand,
  cancelCommand,
  schedulesCommand,
  plansCommand,
  planCommand,
  reportCommand,
  auditCommand,
  parkedCommand,
  parseCommand,
  loginCommand,
  logoutCommand,
  whoamiCommand,
];

function environmentHelp(yard: string): string {
  return [
    'Environment:',
    `  YARD_URL     the API's address (default: the one \`${yard} login\` saved, else ${DEFAULT_URL})`,
    `  YARD_TOKEN   sent as \`Authorization: Bearer <token>\`; without it, the token \`${yard} login\` saved`,
    `  XDG_CONFIG_HOME  where \`${yard} login\` saves (default ~/.config): yardmaster/config.json`,
    '  NO_COLOR     no colours; FORCE_COLOR=1 colours even when stdout is not a terminal',
  ].join('\n');
}

const EXIT_CODES_HELP = [
  'Exit codes:',
  `  ${ExitCode.Ok}    done; a followed run completed`,
  `  ${ExitCode.Failed}    a followed run failed (its job logged a failure)`,
  `  ${ExitCode.Errored}    a followed run errored (its job threw)`,
  `  ${ExitCode.Cancelled}    a followed run was cancelled`,
  `  ${ExitCode.TimedOut}    a followed run timed out`,
  `  ${ExitCode.Usage}   usage: unknown command or option, missing argument, a --data value that does not fit its variable`,
  `  ${ExitCode.Api}   the API refused the request (its error is printed), or could not be reached`,
  `  ${ExitCode.MalformedAnswer}   the API's answer does not match its contract (a CLI and an API of different versions?)`,
  `  ${ExitCode.ParseFailed}   yard parse: templates not installed, a template that does not compile, its Error rule refused the output, or it ran away on it`,
  `  ${ExitCode.Interrupted}  Ctrl-C while following a run (the run goes on)`,
].join('\n');

/** `yard --help`; `yard` is the program's name as the person typed it (`npx yard`). */
export function generalHelp(yard: string): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    "yard: Yardmaster's command line",
    '',
    `Usage: ${yard} <command> [arguments] [options]`,
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    `Run \`${yard} <command> --help\` for its arguments and options.`,
    '',
    environmentHelp(yard),
    '',
    EXIT_CODES_HELP,
    '',
  ].join('\n');
}

export function commandHelp(command: Command, yard: string): string {
  return [`Usage: ${yard} ${command.usage}`, '', `${command.summary}.`, '', command.help(yard), '', environmentHelp(yard), ''].join('\n');
}

export interface MainOptions {
  readonly io: Io;
  readonly env: NodeJS.ProcessEnv;
  /** A fake `fetch`, for tests. */
  readonly fetchImpl?: FetchLike;
  readonly onInterrupt?: CommandContext['onInterrupt'];
  readonly followTuning?: FollowTuning;
  /** Where the saved login lives (default: from XDG_CONFIG_HOME / HOME). */
  readonly configPath?: string;
  /** Asks for a secret; the default reads the terminal without echo. */
  readonly readSecret?: (prompt: string) => Promise<string>;
  /** All of standard input (`yard parse` without a file); the default reads the process's. */
  readonly readStdin?: () => Promise<string>;
}

/** Runs `yard <argv>`; resolves to the exit code. Everything it prints goes through `options.io`. */
export async function main(argv: readonly string[], options: MainOptions): Promise<number> {
  const { io, env } = options;
  let client: ApiClient | undefined;
  const configPath = options.configPath ?? configPathFrom(env);
  const program = programNameFrom(env);
  const context: CommandContext = {
    io,
    env,
    configPath,
    readSecret: options.readSecret ?? ((prompt) => readSecretFromStdin(prompt, io)),
    readStdin: options.readStdin ?? readAllStdin,
    client: () => (client ??= ApiClient.fromEnvironment(env, options.fetchImpl, env.YARD_TOKEN?.trim() ? null : readSavedLogin(configPath, program))),
    clientFor: (url, token) => ApiClient.create(url, token, options.fetchImpl),
    onInterrupt: options.onInterrupt,
    followTuning: options.followTuning,
    program,
  };
  try {
    const [name, ...rest] = argv;
    if (name === undefined) {
      io.stderr.write(generalHelp(program));
      return ExitCode.Usage;
    }
    if (name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
      io.stdout.write(generalHelp(program));
      return ExitCode.Ok;
    }
    if (name === 'help') {
      io.stdout.write(commandHelp(findCommand(rest[0]), program));
      return ExitCode.Ok;
    }
    const command = findCommand(name);
    if (asksForHelp(rest)) {
      io.stdout.write(commandHelp(command, program));
      return ExitCode.Ok;
    }
    return await command.run(rest, context);
  } catch (error) {
    const { lines, exitCode } = describeError(error, program);
    const paint = exitCode === ExitCode.Interrupted ? io.errorPalette.yellow : io.errorPalette.red;
    io.stderr.write(lines.map((line, index) => (index === 0 ? paint(line) : line)).join('\n') + '\n');
    return exitCode;
  }
}

function findCommand(name: string): Command {
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command) return command;
  if (name.startsWith('-')) throw new UsageError(`unknown option ${JSON.stringify(name)}; options go after the command`);
  throw new UsageError(`unknown command ${JSON.stringify(name)}`, [`commands: ${COMMANDS.map((candidate) => candidate.name).join(', ')}`]);
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The first Ctrl-C goes to whoever listens (a follow stops, saying the run goes on); a second one exits at once. */
function processInterrupts(handler: () => void): () => void {
  let count = 0;
  const listener = () => {
    count++;
    if (count > 1) process.exit(ExitCode.Interrupted);
    handler();
  };
  process.on('SIGINT', listener);
  return () => process.off('SIGINT', listener);
}

/** Runs `yard` in this process (arguments, environment, terminal, Ctrl-C): what `bin/yard.js`, the linked bin, calls. */
export function runFromProcess(): void {
  // `yard logs <id> | head`: the reader went away; that is no error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(ExitCode.Ok);
    throw error;
  });
  void main(process.argv.slice(2), { io: processIo(process.env), env: process.env, onInterrupt: processInterrupts }).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) runFromProcess();
