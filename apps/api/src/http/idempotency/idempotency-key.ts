import { createHash } from 'node:crypto';
import { ErrorCode, YardError, type IdempotencyRef } from '@yardmaster/contracts';

/** Printable ASCII, at most 255 characters: what the header may carry (a UUID is the usual choice). */
const KEY_SYNTAX = /^[\x20-\x7e]{1,255}$/;

/**
 * The command's idempotency reference for a request with an `Idempotency-Key` header, or undefined without one.
 * The key is scoped to who asks and where (`actor`, `route`), so equal keys of two users or two routes never meet;
 * the fingerprint is the request's content, so a repeat is told apart from a different request under the same key.
 */
export function idempotencyRefOf(header: string | undefined, actor: string, route: string, content: unknown): IdempotencyRef | undefined {
  if (header === undefined) return undefined;
  if (!KEY_SYNTAX.test(header)) {
    throw new YardError(ErrorCode.ValidationFailed, 'The Idempotency-Key header is malformed', [
      { field: 'header.Idempotency-Key', message: 'must be 1 to 255 printable ASCII characters, e.g. a UUID' },
    ]);
  }
  return {
    key: sha256(JSON.stringify([actor, route, header])),
    fingerprint: sha256(stableJson(content)),
  };
}

function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** JSON with object keys sorted: the same content gives the same text whatever the order a client sent it in. */
export function stableJson(value: unknown): string {
  if (Buffer.isBuffer(value)) return JSON.stringify(`sha256:${sha256(value)}`);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
