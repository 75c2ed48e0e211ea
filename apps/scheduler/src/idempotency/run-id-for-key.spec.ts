import { runIdForKey } from './run-id-for-key';

describe('runIdForKey', () => {
  it('gives the same UUIDv5 for the same key and another for another key', () => {
    const first = runIdForKey('a1b2');
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(runIdForKey('a1b2')).toBe(first);
    expect(runIdForKey('a1b3')).not.toBe(first);
  });
});
