import { ErrorCode } from '@yardmaster/contracts';
import { idempotencyRefOf } from './idempotency-key';

describe('idempotencyRefOf', () => {
  it('is undefined without the header', () => {
    expect(idempotencyRefOf(undefined, 'alice', 'jobs/x/runs', {})).toBeUndefined();
  });

  it('scopes the key to the user and the route, and fingerprints the content whatever its key order', () => {
    const alice = idempotencyRefOf('k-1', 'alice', 'jobs/x/runs', { data: { a: 1, b: 2 }, queue: 'high' })!;
    expect(idempotencyRefOf('k-1', 'alice', 'jobs/x/runs', { queue: 'high', data: { b: 2, a: 1 } })).toEqual(alice);
    expect(idempotencyRefOf('k-1', 'bob', 'jobs/x/runs', {})!.key).not.toBe(alice.key);
    expect(idempotencyRefOf('k-1', 'alice', 'jobs/y/runs', {})!.key).not.toBe(alice.key);
    expect(idempotencyRefOf('k-1', 'alice', 'jobs/x/runs', { data: { a: 1, b: 3 }, queue: 'high' })!.fingerprint).not.toBe(alice.fingerprint);
  });

  it.each(['', 'x'.repeat(256), 'tab\there', 'é'])('refuses the malformed key %j with VALIDATION_FAILED', (header) => {
    expect(() => idempotencyRefOf(header, 'alice', 'jobs/x/runs', {})).toThrow(expect.objectContaining({ code: ErrorCode.ValidationFailed }));
  });
});
