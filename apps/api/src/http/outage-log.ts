import type { Logger } from '@nestjs/common';

/** How long an outage stays one outage in the log: requests refused within it are counted, not logged one by one. */
const QUIET_MS = 60_000;

/**
 * Logs a dependency outage once when the first request meets it, then once a minute at most with the number of
 * requests refused since, so that a busy API does not write a line (and a stack) per request while a server is down.
 */
export class OutageLog {
  private lastLoggedAt = 0;
  private refusedSinceLog = 0;

  constructor(
    private readonly logger: Pick<Logger, 'warn'>,
    private readonly dependency: string,
    private readonly now: () => number = Date.now,
  ) {}

  note(reason: string): void {
    this.refusedSinceLog += 1;
    if (this.now() - this.lastLoggedAt < QUIET_MS) return;
    this.logger.warn({ dependency: this.dependency, refusedSinceLastLine: this.refusedSinceLog, reason }, 'Dependency cannot be reached: answering 503');
    this.lastLoggedAt = this.now();
    this.refusedSinceLog = 0;
  }
}
