import type { CloseFactsReportInput, DeviceFailedInput } from '@yardmaster/workflows';
import { StepEventBuffer } from '../activities/log-delivery/step-event-buffer';
import type { CollectionDeps } from './collection-deps';
import { deliverActivityEvents } from './deliver-activity-events';
import { deviceLogger, deviceObject } from './device-log';
import { encodeFactsEvent } from './facts-event';

/** `facts.report_closed`: every device has ended, no more entries will come. */
export function createCloseFactsReport(deps: CollectionDeps) {
  return async function closeFactsReport(input: CloseFactsReportInput): Promise<void> {
    const { scope, devicesCollected, devicesFailed, entries } = input;
    const startedAt = Date.now();
    const buffer = new StepEventBuffer(deps.publisher, deps.logDelivery);
    buffer.enqueue(
      encodeFactsEvent(deps.instance, scope, 'facts.report_closed', 'report_closed', 1, { closedAt: new Date().toISOString(), devicesCollected, devicesFailed, entries }),
    );
    await deliverActivityEvents(buffer, deps, startedAt);
  };
}

/**
 * A device's last attempt failed (or it never answered within the plan's timeout): `facts.device_failed` with the
 * code, and a failure entry in the device's log. The workflow calls it once per failed device; ids are the device's.
 */
export function createReportDeviceFailed(deps: CollectionDeps) {
  return async function reportDeviceFailed(input: DeviceFailedInput): Promise<void> {
    const { scope, device, code, message } = input;
    const startedAt = Date.now();
    const buffer = new StepEventBuffer(deps.publisher, deps.logDelivery);
    buffer.enqueue(
      encodeFactsEvent(deps.instance, scope, 'facts.device_failed', `${device.id}:device_failed`, 1, { deviceId: device.id, deviceName: device.name, code, message }),
    );
    // Attempt 0: the workflow's own entry about the device, apart from any attempt's.
    deviceLogger(buffer, deps.instance, scope, device, 0).failure(`${device.name} was not collected: ${code}: ${message}`, { object: deviceObject(device) });
    await deliverActivityEvents(buffer, deps, startedAt);
  };
}
