import type { Msg, NatsConnection, Subscription } from '@nats-io/nats-core';
import { ErrorCode, parseContract, YardError, type CommandReply, type Contract, type ErrorBody } from '@yardmaster/contracts';
import { decodeJson, encodeJson } from './json-codec';
import { logContextOf, withLogContext } from './service-chassis/log-context';
import { contextOfHeaders, inSpan, SpanKind, TRACEPARENT } from './tracing/trace-context';

export type CommandHandler<TCommand, TValue> = (command: TCommand) => Promise<TValue>;

/**
 * Answers a request/reply subject. Every request gets a reply: the handler's value, the code of the
 * YardError it threw, or INTERNAL. A request that is not JSON, or does not match the command's contract, is
 * answered MALFORMED_REQUEST with its field errors and never reaches the handler. Replicas share the work
 * through a queue group.
 */
export function serveCommand<TCommand, TValue>(
  nc: NatsConnection,
  subject: string,
  queueGroup: string,
  contract: Contract<TCommand>,
  handler: CommandHandler<TCommand, TValue>,
  onUnexpectedError: (error: unknown) => void,
): Subscription {
  return nc.subscribe(subject, {
    queue: queueGroup,
    callback: (subscriptionError, msg) => {
      if (subscriptionError) {
        onUnexpectedError(subscriptionError);
        return;
      }
      void answer(msg, contract, handler, onUnexpectedError);
    },
  });
}

async function answer<TCommand, TValue>(
  msg: Msg,
  contract: Contract<TCommand>,
  handler: CommandHandler<TCommand, TValue>,
  onUnexpectedError: (error: unknown) => void,
): Promise<void> {
  let reply: CommandReply<TValue>;
  try {
    const command = parseContract(contract, decodeJson<unknown>(msg.data), `A ${msg.subject} request`);
    // What the handler logs carries the command's correlation id (its `meta`) and run id.
    const handle = () => withLogContext(logContextOf(command), () => handler(command));
    // A command that came with a trace is handled in a span of it; one without (tracing off) costs nothing more.
    const value = msg.headers?.has(TRACEPARENT) ? await inSpan(`handle ${msg.subject}`, SpanKind.SERVER, contextOfHeaders(msg.headers), handle) : await handle();
    reply = { ok: true, value };
  } catch (error) {
    reply = { ok: false, error: toErrorBody(error, onUnexpectedError) };
  }
  msg.respond(encodeJson(reply));
}

function toErrorBody(error: unknown, onUnexpectedError: (error: unknown) => void): ErrorBody {
  if (error instanceof YardError) return error.toBody();
  if (error instanceof SyntaxError) return { code: ErrorCode.MalformedRequest, message: 'The command is not valid JSON' };
  onUnexpectedError(error);
  return { code: ErrorCode.Internal, message: error instanceof Error ? error.message : String(error) };
}
