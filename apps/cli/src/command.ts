import type { ApiClient } from './api-client';
import type { Io } from './io';
import type { FollowStreamOptions } from './sse-reader';

/** How following a run reconnects and gives up; tests shorten it. */
export type FollowTuning = Pick<FollowStreamOptions, 'idleTimeoutMs' | 'retryDelaysMs' | 'giveUpAfterMs' | 'sleep' | 'now'>;

/** What every command gets: where to write, the API, and a way to learn of Ctrl-C. */
export interface CommandContext {
  readonly io: Io;
  /** The API client, made from YARD_URL and YARD_TOKEN (else the saved login) on first use (so `--help` needs neither). */
  client(): ApiClient;
  /** A client for this address and token (`yard login` checks a token before saving it). */
  clientFor(url: string, token: string | undefined): ApiClient;
  readonly env: NodeJS.ProcessEnv;
  /** Where `yard login` saves the address and token. */
  readonly configPath: string;
  /** Asks for a secret without echoing it (or reads a line from stdin when it is not a terminal). */
  readonly readSecret: (prompt: string) => Promise<string>;
  /** All of standard input, as text. */
  readonly readStdin: () => Promise<string>;
  /** Calls `handler` on Ctrl-C until the returned function is called; absent in tests. */
  readonly onInterrupt?: (handler: () => void) => () => void;
  /** Reconnect timings for following a run; tests shorten them. */
  readonly followTuning?: FollowTuning;
  /** How the person started the CLI (`npx yard`, `yard`): every command it suggests starts with it. */
  readonly program: string;
}

export interface Command {
  readonly name: string;
  /** One line, for `yard --help`. */
  readonly summary: string;
  /** What follows the program's name: `run <jobId> [options]`. */
  readonly usage: string;
  /** Options and notes, for `yard <command> --help`; `yard` is the program's name as the person typed it. */
  help(yard: string): string;
  /** Runs the command; resolves to the exit code. Throws `UsageError`, `ApiError`, ... for `main` to print. */
  run(argv: readonly string[], context: CommandContext): Promise<number>;
}
