import { ApplicationFailure } from '@temporalio/common';
import { SnmpError } from '@yardmaster/snmp';
import { NoAddressAnswered } from './connection-target/dial-first-reachable';

/** Why a device could not be collected; `facts.device_failed` and the run's result carry the code. */
export type DeviceFailureCode =
  | 'SNMP_TIMEOUT'
  | 'SNMP_AUTH_FAILED'
  | 'SNMP_REQUEST_FAILED'
  /** The device is gone from the inventory since the report opened. */
  | 'DEVICE_NOT_FOUND'
  /** Neither the plan nor the device names a credential set, or the named set does not exist. */
  | 'NO_CREDENTIALS'
  /** The set is not one SNMP can use (SSH, or an SNMPv3 level below authPriv, or a protocol the library lacks). */
  | 'UNSUPPORTED_CREDENTIALS'
  /** The device has no primary address to ask. */
  | 'NO_ADDRESS'
  /** SSH collection knows no commands for the device's platform (its `networkDriver`), or the device has no platform. */
  | 'UNSUPPORTED_PLATFORM'
  /** A command's output could not be parsed by its template: the message names the command and the template's complaint. */
  | 'UNPARSEABLE_OUTPUT'
  /** The SSH driver's own codes (libs/ssh): SSH_AUTH_FAILED, SSH_HOST_KEY_CHANGED, SSH_CONNECT_TIMEOUT, SSH_COMMAND_TIMEOUT, … */
  | `SSH_${string}`;

/** Failures a retry cannot mend: the inventory or the credentials must change first. */
const NOT_RETRIED: ReadonlySet<DeviceFailureCode> = new Set([
  'SNMP_AUTH_FAILED',
  'DEVICE_NOT_FOUND',
  'NO_CREDENTIALS',
  'UNSUPPORTED_CREDENTIALS',
  'NO_ADDRESS',
  'UNSUPPORTED_PLATFORM',
  // The same device gives the same answer to the same template.
  'UNPARSEABLE_OUTPUT',
  // The credentials or the pinned host key must change first.
  'SSH_AUTH_FAILED',
  'SSH_HOST_KEY_CHANGED',
]);

export class DeviceCollectionError extends Error {
  override readonly name = 'DeviceCollectionError';

  constructor(
    readonly code: DeviceFailureCode,
    message: string,
  ) {
    super(message);
  }

  get retryable(): boolean {
    return !NOT_RETRIED.has(this.code);
  }

  /** What the workflow sees: the code as the failure's type, so it reaches the report and the run's result. */
  toFailure(): ApplicationFailure {
    return ApplicationFailure.create({ message: this.message, type: this.code, nonRetryable: !this.retryable });
  }
}

/** A device's failure as the collection knows it: SNMP's own codes kept, anything else a request failure. */
export function deviceCollectionErrorOf(error: unknown): DeviceCollectionError {
  if (error instanceof DeviceCollectionError) return error;
  // Typed as the last address's failure (a timeout, retried), said of every address tried.
  if (error instanceof NoAddressAnswered) return new DeviceCollectionError(deviceCollectionErrorOf(error.lastError).code, error.message);
  if (error instanceof SnmpError) return new DeviceCollectionError(error.code, error.message);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SSH_')) return new DeviceCollectionError(code as `SSH_${string}`, (error as Error).message);
  return new DeviceCollectionError('SNMP_REQUEST_FAILED', error instanceof Error ? error.message : String(error));
}
