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
  | 'NO_ADDRESS';

/** Failures a retry cannot mend: the inventory or the credentials must change first. */
const NOT_RETRIED: ReadonlySet<DeviceFailureCode> = new Set(['SNMP_AUTH_FAILED', 'DEVICE_NOT_FOUND', 'NO_CREDENTIALS', 'UNSUPPORTED_CREDENTIALS', 'NO_ADDRESS']);

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
  return new DeviceCollectionError('SNMP_REQUEST_FAILED', error instanceof Error ? error.message : String(error));
}
