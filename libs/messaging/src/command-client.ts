import { RequestError, TimeoutError, type NatsConnection } from '@nats-io/nats-core';
import { commandReplySchema, ErrorCode, parseContract, YardError, type CommandReply } from '@yardmaster/contracts';
import { decodeJson, encodeJson } from './json-codec';
import type { NatsLink } from './nats-link';
import { natsUnavailable, type CommandOutcomeField } from './nats-unavailable';
import { traceHeaders } from './tracing/trace-context';

export interface SendCommandOptions {
  readonly timeoutMs: number;
  readonly serviceName: string;
  /**
   * The connection's state and NATS's address: while NATS is down the command is refused without being sent, and
   * one that went unanswered while NATS went away is SERVICE_UNAVAILABLE naming NATS, not the silent service.
   * `outcome` names the detail that says whether the command took effect.
   */
  readonly nats?: { readonly link: NatsLink; readonly address: string; readonly outcome: CommandOutcomeField };
}

/**
 * Sends a command and returns its value, or throws a YardError with the code the other side answered.
 * No responder and a silent responder both become SERVICE_UNAVAILABLE, naming the service (or NATS, when it is
 * NATS that is away and `options.nats` tells).
 */
export async function sendCommand<TValue>(
  nc: NatsConnection,
  subject: string,
  command: unknown,
  options: SendCommandOptions,
): Promise<TValue> {
  const { nats } = options;
  if (nats && !nats.link.isUp) throw natsUnavailable(nats.address, options.serviceName, nats.outcome, false);
  const sentAt = nats?.link.mark() ?? 0;
  let raw: unknown;
  try {
    // The trace of the work that sends it (an HTTP request's span) goes on in the handler; no headers when tracing is off.
    const msg = await nc.request(subject, encodeJson(command), { timeout: options.timeoutMs, headers: traceHeaders() });
    raw = decodeJson<unknown>(msg.data);
  } catch (error) {
    if (error instanceof RequestError && error.isNoResponders()) {
      throw new YardError(ErrorCode.ServiceUnavailable, `The ${options.serviceName} service is not running`);
    }
    if (nats && nats.link.wentDownSince(sentAt)) throw natsUnavailable(nats.address, options.serviceName, nats.outcome, null);
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
