import { backoffDelayMs } from './redelivery-policy';
import type { ConsumerLog } from './stream-message';

/**
 * One dependency outage as the durable consumers of a service meet it (Postgres down, say). An event that fails
 * because of it is no poison: its consumer holds it and tries again after a growing delay, and it is never
 * counted toward parking. The outage is logged once when the first consumer meets it and once when one gets
 * through again, with how many events waited and how many tries were made meanwhile: not a line per event.
 */
export class OutageWatch {
  private since: number | null = null;
  private readonly waiting = new Set<string>();
  private retries = 0;

  constructor(
    readonly dependency: string,
    private readonly isOutage: (error: unknown) => boolean,
    private readonly log: Pick<ConsumerLog, 'log' | 'warn'>,
    private readonly backoff = { firstDelayMs: 500, maxDelayMs: 15_000 },
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether `error` is the outage (then the event is held, not failed). */
  explains(error: unknown): boolean {
    return this.isOutage(error);
  }

  get ongoing(): boolean {
    return this.since !== null;
  }

  /** Notes that `eventKey` could not be applied because of the outage; returns how long to wait before trying it again. */
  held(eventKey: string, tries: number, error: unknown): number {
    if (this.since === null) {
      this.since = this.now();
      this.log.warn({ dependency: this.dependency, reason: reasonOf(error) }, 'Dependency cannot be reached: events wait and are retried with backoff until it is back');
    }
    if (this.waiting.has(eventKey)) this.retries += 1;
    else this.waiting.add(eventKey);
    return backoffDelayMs(tries, this.backoff);
  }

  /** An event got through: if an outage was on, it is over. */
  passed(): void {
    if (this.since === null) return;
    const outageSeconds = Math.round((this.now() - this.since) / 1000);
    // `heldEvents` counts the events tried during the outage; the events behind them waited in their streams.
    this.log.log({ dependency: this.dependency, outageSeconds, heldEvents: this.waiting.size, retries: this.retries }, 'Dependency is back');
    this.since = null;
    this.waiting.clear();
    this.retries = 0;
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
