import { RequestError, TimeoutError, type NatsConnection } from '@nats-io/nats-core';
import { ErrorCode, YardError, type CommandReply } from '@yardmaster/contracts';
import { decodeJson, encodeJson } from './json-codec';

/**
 * Sends a command and returns its value, or throws a YardError with the code the other side answered.
 * No responder and a silent responder both become SERVICE_UNAVAILABLE, naming the service.
 */
export async function sendCommand<TValue>(
  nc: NatsConnection,
  subject: string,
  command: unknown,
  options: { timeoutMs: number; serviceName: string },
): Promise<TValue> {
  let reply: CommandReply<TValue>;
  try {
    const msg = await nc.request(subject, encodeJson(command), { timeout: options.timeoutMs });
    reply = decodeJson<CommandReply<TValue>>(msg.data);
  } catch (error) {
    if (error instanceof RequestError && error.isNoResponders()) {
      throw new YardError(ErrorCode.ServiceUnavailable, `The ${options.serviceName} service is not running`);
    }
    if (error instanceof TimeoutError || (error instanceof RequestError && error.cause instanceof TimeoutError)) {
      throw new YardError(ErrorCode.ServiceUnavailable, `The ${options.serviceName} service did not answer within ${options.timeoutMs} ms`);
    }
    throw error;
  }
  if (reply.ok) return reply.value;
  throw new YardError(reply.error.code, reply.error.message, reply.error.fieldErrors, reply.error.details);
}
