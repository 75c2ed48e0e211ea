import { bearerTokenOf } from './bearer-token';

describe('bearerTokenOf', () => {
  it('reads the token of a Bearer header, whatever the case of the scheme', () => {
    expect(bearerTokenOf('Bearer yard_abc')).toBe('yard_abc');
    expect(bearerTokenOf('bearer  yard_abc ')).toBe('yard_abc');
  });

  it('gives null for no header, another scheme, or no token', () => {
    expect(bearerTokenOf(undefined)).toBeNull();
    expect(bearerTokenOf('Basic dXNlcjpwdw==')).toBeNull();
    expect(bearerTokenOf('Bearer')).toBeNull();
    expect(bearerTokenOf('Bearer a b')).toBeNull();
  });
});
