import { isAnyRunEventType, runEventKind } from '@yardmaster/contracts';

/**
 * What `yard` exits with. A followed run (`yard run --follow`, `yard logs --follow`) exits with the code of
 * its end state, so a script can tell them apart; anything the CLI itself could not do has a code of its own.
 */
export const ExitCode = {
  /** The command did what it was asked; a followed run `completed`. */
  Ok: 0,
  /** A followed run ended `failed`: the job logged a failure. */
  Failed: 1,
  /** A followed run ended `errored`: the job threw, or its retries were spent. */
  Errored: 2,
  /** A followed run ended `cancelled`. */
  Cancelled: 3,
  /** A followed run ended `timed_out`. */
  TimedOut: 4,
  /** Bad usage: an unknown command or option, a missing argument, a `--data` value that does not fit its variable. */
  Usage: 10,
  /** The API refused the request (its error is printed), or could not be reached. */
  Api: 11,
  /** The CLI is not built (a fresh clone before `npm run build`): `bin/yard.js` says how to build it. */
  NotBuilt: 12,
  /** The API answered, but not with what its contract says (another version of Yardmaster, or not Yardmaster at all). */
  MalformedAnswer: 13,
  /** `yard parse`: the templates are not installed, a template does not compile, or its Error rule refused the output. */
  ParseFailed: 14,
  /** Interrupted (Ctrl-C) while following a run; the run itself goes on. */
  Interrupted: 130,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

const BY_STATUS: Readonly<Record<string, ExitCode>> = {
  completed: ExitCode.Ok,
  failed: ExitCode.Failed,
  errored: ExitCode.Errored,
  cancelled: ExitCode.Cancelled,
  timed_out: ExitCode.TimedOut,
};

/** The exit code of a run that ended in `status`; null while the run has not ended. */
export function exitCodeForStatus(status: string): ExitCode | null {
  return Object.hasOwn(BY_STATUS, status) ? BY_STATUS[status] : null;
}

/** The run status a terminal event type ends a run in (`run.timed_out` → `timed_out`); null for other events. */
export function terminalStatusOfEvent(type: string): string | null {
  if (!isAnyRunEventType(type)) return null;
  const status = runEventKind(type);
  return exitCodeForStatus(status) === null ? null : status;
}

/** The exit code a terminal event type maps to; null for events that do not end a run. */
export function exitCodeForEvent(type: string): ExitCode | null {
  const status = terminalStatusOfEvent(type);
  return status === null ? null : exitCodeForStatus(status);
}
