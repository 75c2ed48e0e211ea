/**
 * The device could not be asked at all: the collection of this device fails (after its timeout and retries) with one
 * of these codes. Bad or missing data never throws; it gives warnings (see SnmpWarning).
 */
export type SnmpErrorCode =
  /** No answer within timeout × (1 + retries): down, filtered, wrong port, or (v2c) a community the agent ignores. */
  | 'SNMP_TIMEOUT'
  /** SNMPv3 authentication or decryption failed (wrong user, keys or protocols). */
  | 'SNMP_AUTH_FAILED'
  /** The agent answered with an error for the whole request, or the transport failed. */
  | 'SNMP_REQUEST_FAILED';

export class SnmpError extends Error {
  override readonly name = 'SnmpError';

  constructor(
    readonly code: SnmpErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Translates net-snmp's errors (matched by name: the package exports no classes to test against) to SnmpError. */
export function toSnmpError(error: unknown, what: string): SnmpError {
  if (error instanceof SnmpError) return error;
  const failure = error as { name?: string; message?: string; code?: number };
  if (failure?.name === 'RequestTimedOutError') return new SnmpError('SNMP_TIMEOUT', `${what}: no answer (${failure.message})`);
  // net-snmp's ResponseInvalidCode: 4 ECouldNotDecrypt, 5 EAuthFailure (also the agent's usmStats reports).
  if (failure?.name === 'ResponseInvalidError' && (failure.code === 4 || failure.code === 5)) {
    return new SnmpError('SNMP_AUTH_FAILED', `${what}: SNMPv3 authentication failed (${failure.message})`);
  }
  return new SnmpError('SNMP_REQUEST_FAILED', `${what}: ${failure?.message ?? String(error)}`);
}
