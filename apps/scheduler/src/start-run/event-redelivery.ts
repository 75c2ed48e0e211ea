import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { EventEnvelope } from '@yardmaster/contracts';
import { errorLogFields, type EventPublisher } from '@yardmaster/messaging';

const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;
/** Events waiting at most: beyond, the oldest is given up (logged), and the reconciler is what is left. */
const MAX_WAITING = 10_000;

/**
 * Events the scheduler must not lose although NATS refused them (a run's `run.requested` while NATS is down): kept in
 * memory and published again with growing pauses until JetStream takes each one. The event keeps its id, which is
 * its `msgID`, so however often it is sent it is stored (and projected) once.
 */
export class EventRedelivery implements OnApplicationShutdown {
  private readonly logger = new Logger(EventRedelivery.name);
  private readonly waiting = new Map<string, { subject: string; event: EventEnvelope }>();
  private timer: NodeJS.Timeout | null = null;
  private delayMs = FIRST_DELAY_MS;
  private closed = false;

  constructor(private readonly publisher: Pick<EventPublisher, 'publish'>) {}

  /** Publishes now; if that fails, again later until it succeeds. Never throws. */
  async publish(subject: string, event: EventEnvelope): Promise<void> {
    try {
      await this.publisher.publish(subject, event);
    } catch (error) {
      this.logger.warn({ eventType: event.type, eventId: event.id, ...errorLogFields(error) }, 'Event not published: will publish it again once NATS takes it');
      this.keep(subject, event);
    }
  }

  get waitingCount(): number {
    return this.waiting.size;
  }

  /** One round: every waiting event in order, stopping at the first NATS refuses (it is still down). */
  async flush(): Promise<void> {
    for (const [id, { subject, event }] of [...this.waiting]) {
      await this.publisher.publish(subject, event);
      this.waiting.delete(id);
      this.logger.log({ eventType: event.type, eventId: event.id }, 'Event published after all');
    }
  }

  onApplicationShutdown(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.waiting.size > 0) this.logger.error({ eventCount: this.waiting.size }, "Events never published: the reconciler derives the runs' requests again");
  }

  private keep(subject: string, event: EventEnvelope): void {
    if (this.waiting.size >= MAX_WAITING) {
      const [oldest] = this.waiting.keys();
      if (oldest !== undefined) this.waiting.delete(oldest);
      this.logger.error({ eventId: String(oldest), maxWaiting: MAX_WAITING }, 'Gave up on an event: too many events waiting for NATS');
    }
    this.waiting.set(event.id, { subject, event });
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush().then(
        () => (this.delayMs = FIRST_DELAY_MS),
        () => {
          this.delayMs = Math.min(this.delayMs * 2, MAX_DELAY_MS);
          this.schedule();
        },
      );
    }, this.delayMs);
    this.timer.unref();
  }
}
