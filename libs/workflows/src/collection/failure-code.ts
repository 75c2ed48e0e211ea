import { ActivityFailure, ApplicationFailure, TimeoutFailure } from '@temporalio/workflow';

/** Why a device could not be collected, as its `facts.device_failed` and the run's result give it. */
export interface DeviceFailure {
  readonly code: string;
  readonly message: string;
}

/**
 * The stable code of a device's last failure: the collector's own (an ApplicationFailure typed `SNMP_TIMEOUT`,
 * `NO_CREDENTIALS`, …), or Temporal's when the activity never answered (past the plan's device timeout, a lost worker).
 */
export function deviceFailureOf(error: unknown, deviceTimeoutSeconds: number): DeviceFailure {
  const cause = error instanceof ActivityFailure && error.cause ? error.cause : error;
  if (cause instanceof ApplicationFailure) return { code: cause.type ?? 'COLLECTION_FAILED', message: cause.message };
  if (cause instanceof TimeoutFailure) {
    if (cause.timeoutType === 'HEARTBEAT') return { code: 'WORKER_LOST', message: 'The collector collecting the device stopped answering' };
    return { code: 'DEVICE_TIMEOUT', message: `The device was not collected within the plan's device timeout of ${deviceTimeoutSeconds} s` };
  }
  return { code: 'COLLECTION_FAILED', message: cause instanceof Error ? cause.message : String(cause) };
}
