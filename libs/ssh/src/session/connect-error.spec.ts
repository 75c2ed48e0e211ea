import { connectErrorOf } from './connect-error';
import { SshError } from './ssh-error';

const failure = (fields: Record<string, string>) => Object.assign(new Error(fields.message ?? 'failed'), fields);

describe('connectErrorOf', () => {
  it.each([
    [failure({ level: 'client-authentication', message: 'All configured authentication methods failed' }), 'SSH_AUTH_FAILED', 'user "netops"'],
    [failure({ level: 'client-timeout', message: 'Timed out while waiting for handshake' }), 'SSH_CONNECT_TIMEOUT', '10000 ms'],
    [failure({ code: 'ECONNREFUSED' }), 'SSH_CONNECTION_REFUSED', 'connection refused'],
    [failure({ code: 'ENOTFOUND' }), 'SSH_UNKNOWN_HOST', 'no address'],
    [failure({ code: 'EHOSTUNREACH' }), 'SSH_CONNECT_TIMEOUT', 'EHOSTUNREACH'],
    [failure({ code: 'ECONNRESET' }), 'SSH_CONNECTION_DROPPED', 'reset'],
    [failure({ message: 'Cannot parse privateKey: Malformed OpenSSH private key' }), 'SSH_BAD_CREDENTIALS', 'private key'],
    [failure({ message: 'Handshake failed: no matching key exchange algorithm' }), 'SSH_FAILED', 'no matching key exchange'],
  ])('maps %p to its code, naming the device', (error, code, text) => {
    const mapped = connectErrorOf(error, 'r1:22', 'netops', 10_000);
    expect(mapped).toBeInstanceOf(SshError);
    expect(mapped.code).toBe(code);
    expect(mapped.message).toContain('r1:22');
    expect(mapped.message).toContain(text);
  });

  it('keeps an SshError as it is', () => {
    const error = new SshError('SSH_HOST_KEY_CHANGED', 'changed');
    expect(connectErrorOf(error, 'r1:22', 'netops', 10_000)).toBe(error);
  });
});
