import { ConsoleLogger } from '@nestjs/common';

/**
 * The services' logger until the chassis's pino logger takes over, and for a start that fails before it does (JSON
 * lines, as pino's, unless on a terminal): log, warn and error, less Nest's own report of an error that stopped the start (its
 * `ExceptionHandler` prints the driver's stack). `exitOnStartFailure` reports that error instead: one line naming a
 * dependency that is down, or the stack of anything else.
 */
export class ServiceLogger extends ConsoleLogger {
  constructor() {
    super({ logLevels: ['log', 'warn', 'error'], json: process.stdout.isTTY !== true });
  }

  override error(message: unknown, ...rest: unknown[]): void {
    if (rest.at(-1) === 'ExceptionHandler') return;
    super.error(message, ...rest);
  }
}
