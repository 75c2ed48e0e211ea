/**
 * Why a device could not be asked over SSH. The session is closed whenever one of these is thrown; the caller fails
 * that device alone.
 */
export type SshErrorCode =
  /** The device refused the username with every method offered (wrong password, key not authorised). */
  | 'SSH_AUTH_FAILED'
  /** The device's name does not resolve to an address. */
  | 'SSH_UNKNOWN_HOST'
  /** The device presented another host key than the one pinned for it (both fingerprints in the message). */
  | 'SSH_HOST_KEY_CHANGED'
  /** No SSH handshake within the connect timeout (down, filtered, or not an SSH server). */
  | 'SSH_CONNECT_TIMEOUT'
  /** Nothing listens on the port (TCP RST). */
  | 'SSH_CONNECTION_REFUSED'
  /** A command did not come back to the prompt within the command timeout. */
  | 'SSH_COMMAND_TIMEOUT'
  /** The channel closed in the middle of a command's output: what came is incomplete. */
  | 'SSH_OUTPUT_TRUNCATED'
  /** The connection ended (reset, closed by the device, keepalives unanswered) while the session was in use. */
  | 'SSH_CONNECTION_DROPPED'
  /** The session was closed after sitting unused for the idle timeout; a command asked of it afterwards gets this. */
  | 'SSH_IDLE_TIMEOUT'
  /** The shell never showed a prompt the platform's rules recognise. */
  | 'SSH_PROMPT_NOT_FOUND'
  /** Privileged mode was needed and `enable` did not reach it (no or a wrong enable secret). */
  | 'SSH_ENABLE_FAILED'
  /** The platform is none of SSH_PLATFORMS: the driver does not know its prompt, paging or privileged mode. */
  | 'SSH_UNSUPPORTED_PLATFORM'
  /** The caller cancelled (its AbortSignal fired). */
  | 'SSH_CANCELLED'
  /** The credential set cannot log in (no password nor key), or the key cannot be read with its passphrase. */
  | 'SSH_BAD_CREDENTIALS'
  /** Any other failure of the SSH protocol or the socket. */
  | 'SSH_FAILED';

export class SshError extends Error {
  override readonly name = 'SshError';

  constructor(
    readonly code: SshErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Failures a retry cannot mend: the credentials, the pinned key or the inventory must change first. */
export const SSH_NOT_RETRYABLE: ReadonlySet<SshErrorCode> = new Set(['SSH_AUTH_FAILED', 'SSH_UNKNOWN_HOST', 'SSH_HOST_KEY_CHANGED', 'SSH_ENABLE_FAILED', 'SSH_BAD_CREDENTIALS', 'SSH_UNSUPPORTED_PLATFORM', 'SSH_CANCELLED']);
