import { ErrorCode, YardError } from '@yardmaster/contracts';

/**
 * What Express's body parsers throw (http-errors): a client error with a `type` such as `entity.too.large`,
 * `entity.parse.failed` or `encoding.unsupported`.
 */
interface BodyReadError extends Error {
  readonly type: string;
  readonly status: number;
  readonly limit?: number;
}

function isBodyReadError(error: unknown): error is BodyReadError {
  const { type, status } = error as { type?: unknown; status?: unknown };
  return error instanceof Error && typeof type === 'string' && typeof status === 'number' && status >= 400 && status < 500;
}

/**
 * A body the API would not read, as an error with a stable code: too large is PAYLOAD_TOO_LARGE (413), anything else
 * (not JSON, an unknown content encoding or charset, a body cut short) MALFORMED_REQUEST. Null for other errors.
 */
export function bodyReadRefusal(error: unknown): YardError | null {
  if (!isBodyReadError(error)) return null;
  if (error.type === 'entity.too.large' || error.status === 413) {
    const limit = error.limit === undefined ? '' : `: at most ${error.limit} bytes, counted after decompression`;
    return new YardError(ErrorCode.PayloadTooLarge, `The request body is larger than the API reads${limit}`, undefined, error.limit === undefined ? undefined : { limitBytes: error.limit });
  }
  const reason = error.type === 'entity.parse.failed' ? `is not valid JSON: ${error.message}` : `cannot be read: ${error.message}`;
  return new YardError(ErrorCode.MalformedRequest, `The request body ${reason}`);
}
