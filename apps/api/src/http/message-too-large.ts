import { ErrorCode, YardError } from '@yardmaster/contracts';

/**
 * What the NATS client throws, before sending anything, for a message over the server's `max_payload` (1 MiB by
 * default): an InvalidArgumentError about `'payload'`.
 */
function isOverMaxPayload(error: unknown): boolean {
  return error instanceof Error && error.name === 'InvalidArgumentError' && /max_payload/.test(error.message);
}

/**
 * A request the API read (its body is within the 10 MiB limit) but cannot pass on, because the command or event it
 * makes is larger than NATS carries: PAYLOAD_TOO_LARGE (413), not an internal error. Null for other errors.
 */
export function messageTooLargeOf(error: unknown): YardError | null {
  if (!isOverMaxPayload(error)) return null;
  return new YardError(
    ErrorCode.PayloadTooLarge,
    'The request is larger than the API can pass on to the other services: a command or event may carry at most the message bus (NATS) max_payload, 1 MiB by default',
  );
}
