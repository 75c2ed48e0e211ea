import type { LogObjectRef } from '@yardmaster/contracts';
import type { PlanDevice, PlanRunScope } from '@yardmaster/workflows';
import type { StepEventBuffer } from '../activities/log-delivery/step-event-buffer';
import { RunLogger } from '../activities/run-logger';

/**
 * A device's log in its plan run: the run's log entries, grouped under the device's name, each about the device.
 * `step` in the ids is the device's id (names need not be unique), the attempt the activity's, so a repeated
 * attempt's entries are its own and a re-sent entry is stored once.
 */
export function deviceLogger(buffer: StepEventBuffer, instance: string, scope: PlanRunScope, device: PlanDevice, attempt: number): RunLogger {
  return new RunLogger(buffer, {
    instance,
    runId: scope.runId,
    step: `device:${device.id}`,
    grouping: device.name,
    attempt,
    actor: scope.requestedBy,
    correlationId: scope.correlationId,
  });
}

export function deviceObject(device: PlanDevice): LogObjectRef {
  return { type: 'device', id: device.id, display: device.name, url: `/api/inventory/devices/${device.id}` };
}
