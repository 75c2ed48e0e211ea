import { SshError } from './ssh-error';

/** ssh2's and the socket's connect failures, as SshError naming the cause. */
export function connectErrorOf(error: unknown, target: string, username: string, connectMs: number): SshError {
  if (error instanceof SshError) return error;
  const failure = error as { message?: string; code?: string; level?: string };
  const message = failure?.message ?? String(error);
  if (failure?.level === 'client-authentication') return new SshError('SSH_AUTH_FAILED', `${target}: authentication failed for user ${JSON.stringify(username)} (wrong password or key not accepted)`);
  if (failure?.level === 'client-timeout') return new SshError('SSH_CONNECT_TIMEOUT', `${target}: no SSH session within the connect timeout of ${connectMs} ms`);
  switch (failure?.code) {
    case 'ECONNREFUSED':
      return new SshError('SSH_CONNECTION_REFUSED', `${target}: connection refused (nothing listens on the port)`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new SshError('SSH_UNKNOWN_HOST', `${target}: the host name has no address (${failure.code})`);
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new SshError('SSH_CONNECT_TIMEOUT', `${target}: could not connect (${failure.code})`);
    case 'ECONNRESET':
    case 'EPIPE':
      return new SshError('SSH_CONNECTION_DROPPED', `${target}: the connection was reset while logging in (${failure.code})`);
  }
  // ssh2 throws these from connect() for a key it cannot read: the set's key or passphrase is wrong.
  if (/privateKey|passphrase|encrypted/i.test(message)) return new SshError('SSH_BAD_CREDENTIALS', `${target}: the private key cannot be used: ${message}`);
  return new SshError('SSH_FAILED', `${target}: ${message}`);
}
