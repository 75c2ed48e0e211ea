import { ErrorCode, isTerminalRunStatus, YardError, type CollectFactsResult, type JsonValue, type RunStatus } from '@yardmaster/contracts';

/** What `devicesFrom` reads of the earlier run: its status and result, as the run read model holds them. */
export interface EarlierRun {
  readonly id: string;
  readonly status: RunStatus;
  readonly result: JsonValue | null;
}

/**
 * The devices to collect again: those that failed in the earlier run of the plan, from its `CollectFactsResult`.
 * A run still going, one that left no result (it errored before reporting), or one in which no device failed
 * leaves nothing to collect again: 409 NO_DEVICES_TO_RERUN, saying which.
 */
export function devicesToRerun(run: EarlierRun): readonly string[] {
  if (!isTerminalRunStatus(run.status)) {
    throw new YardError(ErrorCode.NoDevicesToRerun, `Run ${run.id} has not ended (it is ${run.status}): which of its devices failed is not known yet`, undefined, { runId: run.id });
  }
  const failedDevices = failedDevicesOf(run.result);
  if (failedDevices === null) {
    throw new YardError(ErrorCode.NoDevicesToRerun, `Run ${run.id} ended ${run.status} without a report of its devices: run the whole plan instead`, undefined, { runId: run.id });
  }
  if (failedDevices.length === 0) {
    throw new YardError(ErrorCode.NoDevicesToRerun, `No device failed in run ${run.id}: there is nothing to collect again`, undefined, { runId: run.id });
  }
  return [...new Set(failedDevices)];
}

function failedDevicesOf(result: JsonValue | null): string[] | null {
  if (result === null || typeof result !== 'object' || Array.isArray(result)) return null;
  const failed = (result as unknown as Partial<CollectFactsResult>).failedDevices;
  if (!Array.isArray(failed)) return null;
  const ids = failed.map((device: unknown) => (device !== null && typeof device === 'object' ? (device as { id?: unknown }).id : undefined));
  return ids.every((id): id is string => typeof id === 'string' && id !== '') ? ids : null;
}
