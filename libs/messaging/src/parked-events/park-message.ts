import { jetstream } from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/nats-core';
import { failureOf, ParkedHeader } from './parked-headers';

export interface MessageToPark {
  readonly stream: string;
  readonly subject: string;
  readonly sequence: number;
  readonly consumer: string;
  readonly data: Uint8Array;
  readonly deliveries: number;
}

/**
 * Stores a message a consumer gave up on in the parked stream, with its payload as it was and headers saying
 * where it came from and why. The publish is deduplicated by origin, so parking again after a crash between
 * this and the ack stores it once. Resolves only once the stream has it: the caller acks after that.
 */
export async function parkMessage(nc: NatsConnection, parkSubject: string, message: MessageToPark, error: unknown): Promise<void> {
  const { reason, errorCode } = failureOf(error);
  const header = headers();
  header.set(ParkedHeader.stream, message.stream);
  header.set(ParkedHeader.subject, message.subject);
  header.set(ParkedHeader.sequence, String(message.sequence));
  header.set(ParkedHeader.consumer, message.consumer);
  header.set(ParkedHeader.reason, reason);
  if (errorCode !== null) header.set(ParkedHeader.errorCode, errorCode);
  header.set(ParkedHeader.deliveries, String(message.deliveries));
  header.set(ParkedHeader.parkedAt, new Date().toISOString());
  await jetstream(nc).publish(parkSubject, message.data, { headers: header, msgID: `parked:${message.consumer}:${message.stream}:${message.sequence}` });
}
