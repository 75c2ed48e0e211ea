import type { EventEnvelope } from '@yardmaster/contracts';
import { decodeJson, type EncodedEvent, type PublishBatchOutcome } from '@yardmaster/messaging';
import { DeliveryBackoff } from './delivery-backoff';
import type { LogDeliveryLimits } from './log-delivery-limits';
import { StepEventBuffer } from './step-event-buffer';

/**
 * `publishBatch` over a publish of one event at a time: for test doubles that record the events they are
 * given (decoded again), and fail where told, with the batch outcome the real publisher would report.
 */
export function publishOneByOne(publish: (subject: string, event: EventEnvelope) => Promise<unknown>) {
  return async (events: readonly EncodedEvent[]): Promise<PublishBatchOutcome> => {
    for (const [index, encoded] of events.entries()) {
      try {
        await publish(encoded.subject, decodeJson<EventEnvelope>(encoded.payload));
      } catch (error) {
        return { delivered: index, error };
      }
    }
    return { delivered: events.length, error: null };
  };
}

/** Limits no unit test reaches. */
const ROOMY: LogDeliveryLimits = { maxEntries: 100_000, maxBytes: 1024 * 1024 * 1024, giveUpAfterMs: 60_000 };

/** A step buffer over a one-event publish (a test double), re-sending quickly: for tests of what is sent. */
export function bufferOver(publisher: { publish(subject: string, event: EventEnvelope): Promise<unknown> }, limits: Partial<LogDeliveryLimits> = {}): StepEventBuffer {
  return new StepEventBuffer(
    { publishBatch: publishOneByOne((subject, event) => publisher.publish(subject, event)) },
    { limits: { ...ROOMY, ...limits }, natsAddress: '127.0.0.1:4222', backoff: new DeliveryBackoff(1, 5) },
  );
}
