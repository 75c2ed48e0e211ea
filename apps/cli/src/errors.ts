import type { ErrorBody } from '@yardmaster/contracts';
import { TextFsmError } from '@yardmaster/textfsm';
import { ExitCode } from './exit-codes';

/** The command line itself is wrong; `lines` are details, one per problem (e.g. one per bad `--data`). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly lines: readonly string[] = [],
    /** The command whose usage to point at (`yard <command> --help`). */
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The API answered with an error status. `body` is its error body when it sent one (`{ code, message, ... }`). */
export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: ErrorBody | null,
    text: string,
  ) {
    super(body?.message ?? `${method} ${path} answered HTTP ${status}${text ? `: ${text.slice(0, 300)}` : ''}`);
    this.name = 'ApiError';
  }

  get code(): string | null {
    return this.body?.code ?? null;
  }
}

/** Nothing answered at the API's address, or the connection broke (after the retries a follow makes). */
export class ApiUnreachableError extends Error {
  constructor(
    message: string,
    /** The short cause, e.g. `ECONNREFUSED`. */
    readonly reason: string = message,
  ) {
    super(message);
    this.name = 'ApiUnreachableError';
  }
}

/**
 * The API answered success with a body that does not match the view's contract: most likely a CLI and an API of
 * different versions. Told apart from `ApiError` so that a script does not retry what will not change.
 */
export class MalformedAnswerError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    /** The mismatches, e.g. `items.0.status: Invalid option`; the first few are shown. */
    readonly problems: readonly string[],
  ) {
    super(`the API's answer to ${method} ${path} does not match its contract (${summarise(problems)}); are the CLI and the API the same version?`);
    this.name = 'MalformedAnswerError';
  }
}

/** How many mismatches the one line names: enough to find the cause, short enough to stay one line. */
const PROBLEMS_SHOWN = 3;

function summarise(problems: readonly string[]): string {
  const shown = problems.slice(0, PROBLEMS_SHOWN).join('; ');
  return problems.length > PROBLEMS_SHOWN ? `${shown}; and ${problems.length - PROBLEMS_SHOWN} more` : shown;
}

/** Ctrl-C while following a run. */
export class InterruptedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InterruptedError';
  }
}

/** An error's message, also for errors from another realm (where `instanceof Error` fails) and for non-errors. */
export function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/**
 * What to print on stderr for an error, and what to exit with. `program` is how the person started the CLI
 * (`npx yard`), so the commands it suggests work as typed.
 */
export function describeError(error: unknown, program: string): { lines: string[]; exitCode: ExitCode } {
  if (error instanceof UsageError) {
    const hint = error.command ? `Run \`${program} ${error.command} --help\` for its usage.` : `Run \`${program} --help\` for usage.`;
    return { lines: [`yard: ${error.message}`, ...error.lines.map((line) => `  ${line}`), hint], exitCode: ExitCode.Usage };
  }
  if (error instanceof ApiError) {
    const body = error.body;
    const lines = [`yard: ${error.message}${body ? ` (${body.code}, HTTP ${error.status})` : ''}`];
    for (const fieldError of body?.fieldErrors ?? []) lines.push(`  ${fieldError.field}: ${fieldError.message}`);
    for (const [name, value] of Object.entries(body?.details ?? {})) lines.push(`  ${name}: ${String(value)}`);
    if (body?.correlationId) lines.push(`  correlation id: ${body.correlationId}`);
    if (error.status === 401) lines.push(`The API needs a valid token: run \`${program} login\` (or set YARD_TOKEN); an administrator issues tokens.`);
    if (error.status === 403) lines.push(`Your token is valid but may not do this: \`${program} whoami\` lists what it may do.`);
    return { lines, exitCode: ExitCode.Api };
  }
  if (error instanceof MalformedAnswerError) return { lines: [`yard: ${error.message}`], exitCode: ExitCode.MalformedAnswer };
  if (error instanceof ApiUnreachableError) return { lines: [`yard: ${error.message}`], exitCode: ExitCode.Api };
  if (error instanceof TextFsmError) return { lines: [`yard: ${error.message} (${error.code})`], exitCode: ExitCode.ParseFailed };
  if (error instanceof InterruptedError) return { lines: [`yard: ${error.message}`], exitCode: ExitCode.Interrupted };
  return { lines: [`yard: unexpected error: ${messageOf(error)}`], exitCode: ExitCode.Api };
}
