import { RequestError, TimeoutError, type NatsConnection } from '@nats-io/nats-core';
import { commandReplySchema, ErrorCode, parseContract, YardError, type CommandReply } from '@yardmaster/contracts';
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
  let raw: unknown;
  try {
    const msg = await nc.request(subject, encodeJson(command), { timeout: options.timeoutMs });
    raw = decodeJson<unknown>(msg.data);
  } catch (error) {
    if (error instanceof RequestError && error.isNoResponders()) {
      throw new YardError(ErrorCode.ServiceUnavailable, `The ${options.serviceName} service is not running`);
    }
    if (error instanceof TimeoutError || (error instanceof RequestError && error.cause instanceof TimeoutError)) {
      throw new YardError(ErrorCode.ServiceUnavailable, `The ${options.serviceName} service did not answer within ${options.timeoutMs} ms`);
    }
    throw error;
  }
  const reply = replyOf<TValue>(raw, options.serviceName);
  if (reply.ok) return reply.value;
  throw new YardError(reply.error.code, reply.error.message, reply.error.fieldErrors, reply.error.details);
}

function replyOf<TValue>(raw: unknown, serviceName: string): CommandReply<TValue> {
  try {
    // The value's shape is the command's contract, which the caller knows; the envelope is checked here.
    return parseContract(commandReplySchema, raw, `The ${serviceName} service's reply`) as CommandReply<TValue>;
  } catch (error) {
    throw new YardError(ErrorCode.Internal, error instanceof Error ? error.message : String(error));
  }
}
