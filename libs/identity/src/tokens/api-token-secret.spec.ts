import { generateTokenSecret, hashToken, tokenPrefix, TOKEN_MARKER } from './api-token-secret';

describe('API token secrets', () => {
  it('are 256 random bits behind the marker, different each time', () => {
    const first = generateTokenSecret();
    const second = generateTokenSecret();

    expect(first.startsWith(TOKEN_MARKER)).toBe(true);
    expect(Buffer.from(first.slice(TOKEN_MARKER.length), 'base64url')).toHaveLength(32);
    expect(first).not.toBe(second);
  });

  it('hash to SHA-256 hex that does not contain the secret', () => {
    const secret = generateTokenSecret();

    expect(hashToken(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(secret)).toBe(hashToken(secret));
    expect(hashToken(secret)).not.toContain(secret.slice(TOKEN_MARKER.length));
  });

  it('show a prefix too short to use', () => {
    const secret = generateTokenSecret();

    expect(tokenPrefix(secret)).toBe(secret.slice(0, 13));
    expect(secret.startsWith(tokenPrefix(secret))).toBe(true);
  });
});
