import type { EventEnvelope } from '@yardmaster/contracts';
import type { EventPublisher } from '@yardmaster/messaging';

/** How often the API offers NATS an event after a change before it gives up. */
export const PUBLISH_ATTEMPTS = 3;

/**
 * Publishes an event, offering it again (same id: stored once) after a short pause when NATS refuses it; throws
 * the last refusal. What the caller does then differs: a committed identity change logs the gap, an apply of facts
 * entries rolls back.
 */
export async function publishRetrying(publisher: EventPublisher, subject: string, event: EventEnvelope): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await publisher.publish(subject, event);
      return;
    } catch (error) {
      if (attempt >= PUBLISH_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}
