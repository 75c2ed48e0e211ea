import { Inject, Injectable, Logger } from '@nestjs/common';
import { subjectsFor, type IdentityEvent } from '@yardmaster/contracts';
import { errorLogFields, EventPublisher } from '@yardmaster/messaging';
import { API_CONFIG } from '../api-config.token';
import type { ApiConfig } from '../config';
import { publishRetrying } from '../events/publish-retrying';

/**
 * Publishes an identity change after it is committed. The change stands whether or not the event gets out, so
 * a failed publish is retried with the same id (stored once) and then logged, never turned into a failed request
 * that a client would retry into a conflict. A lost event is a gap in the audit, which the log names.
 */
@Injectable()
export class IdentityEventPublisher {
  private readonly logger = new Logger('Identity');

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly publisher: EventPublisher,
  ) {}

  /** Waits for a committed change, publishes the event it makes, and answers what changed: every identity route's answer. */
  async afterChange<TView>(changed: Promise<TView>, eventOf: (view: TView) => IdentityEvent): Promise<TView> {
    const view = await changed;
    await this.publish(eventOf(view));
    return view;
  }

  async publish(event: IdentityEvent): Promise<void> {
    const subject = subjectsFor(this.config.shared.instance).identityEvent(event.type.slice('identity.'.length));
    try {
      await publishRetrying(this.publisher, subject, event);
    } catch (error) {
      this.logger.error({ eventType: event.type, eventId: event.id, actor: event.actor, ...errorLogFields(error) }, 'Event not published: the audit misses it');
    }
  }
}
