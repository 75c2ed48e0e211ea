import { createHash, randomBytes } from 'node:crypto';

/** Every token Yardmaster issues starts with this, so a leaked one is easy to recognise (and to scan for). */
export const TOKEN_MARKER = 'yard_';

/** How much of a token is kept in clear, to tell tokens apart in lists: the marker and 8 random characters. */
const PREFIX_LENGTH = TOKEN_MARKER.length + 8;

/**
 * A token given from outside (YARD_ADMIN_TOKEN) must be at least this long to be accepted: long enough to be
 * unguessable, since its SHA-256 hash is all that is stored.
 */
export const MIN_TOKEN_LENGTH = 32;

/** A new secret: 256 random bits, base64url, behind the marker. */
export function generateTokenSecret(): string {
  return `${TOKEN_MARKER}${randomBytes(32).toString('base64url')}`;
}

/**
 * SHA-256 of the secret, hex. A fast hash is the right one here: the secret has 256 bits of entropy, so nobody
 * guesses it from its hash however fast they hash, and a slow password hash (bcrypt, scrypt) would only slow
 * down every API request. Passwords, which people choose, would need the slow kind; tokens do not.
 */
export function hashToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The part of a token shown in lists; never enough to use it. */
export function tokenPrefix(secret: string): string {
  return secret.slice(0, PREFIX_LENGTH);
}
