import { ApplicationFailure } from '@temporalio/common';
import { newEvent, subjectsFor, type Device, type RunStepStarted } from '@yardmaster/contracts';
import { encodeEvent } from '@yardmaster/messaging';
import type { OpenedFactsReport, OpenFactsReportInput, PlanDevice } from '@yardmaster/workflows';
import { StepEventBuffer } from '../activities/log-delivery/step-event-buffer';
import type { CollectionDeps } from './collection-deps';
import { deliverActivityEvents } from './deliver-activity-events';
import { encodeFactsEvent } from './facts-event';
import { planCollects } from './plan-devices';
import { INVALID_PLAN_RUN_DATA, InvalidPlanRunData, parsePlanRunData } from './plan-run-data';

const PAGE = 1000;

/**
 * Opens a plan run's facts report: checks the plan snapshot (a bad one ends the run with InvalidPlanRunData, never
 * retried), resolves the devices it collects, and publishes `facts.report_opened` naming them. Returns the devices
 * and the plan's settings the workflow fans out with.
 */
export function createOpenFactsReport(deps: CollectionDeps) {
  return async function openFactsReport({ run }: OpenFactsReportInput): Promise<OpenedFactsReport> {
    let data;
    try {
      data = parsePlanRunData(run.data);
    } catch (error) {
      if (!(error instanceof InvalidPlanRunData)) throw error;
      throw ApplicationFailure.create({ message: error.message, type: INVALID_PLAN_RUN_DATA, nonRetryable: true });
    }
    const { plan, deviceIds } = data;
    const devices: PlanDevice[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await deps.inventory.collections.devices.find({}, { limit: PAGE, offset });
      for (const device of page.items as Device[]) if (planCollects(device, plan.filter, deviceIds)) devices.push({ id: device.id, name: device.name });
      if (page.items.length < PAGE) break;
    }
    // By name: the order the devices go in, and the report lists them in, whatever order the inventory pages in.
    devices.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    const scope = { runId: run.runId, requestedBy: run.requestedBy, correlationId: run.correlationId };
    const startedAt = Date.now();
    const buffer = new StepEventBuffer(deps.publisher, deps.logDelivery);
    // The run's steps list `run` as for any job: one attempt, its devices retried each on its own.
    const stepStarted: RunStepStarted = newEvent({
      id: `${run.runId}:run:1:step_started`,
      type: 'run.step_started',
      occurredAt: new Date().toISOString(),
      aggregateId: run.runId,
      sequence: 1,
      correlationId: run.correlationId,
      actor: run.requestedBy,
      data: { step: 'run', attempt: 1, maxAttempts: 1, worker: deps.workerId },
    });
    buffer.enqueue(encodeEvent(subjectsFor(deps.instance).runEvent(run.runId, 'step_started'), stepStarted));
    buffer.enqueue(
      encodeFactsEvent(deps.instance, scope, 'facts.report_opened', 'report_opened', 1, {
        runId: run.runId,
        planId: plan.planId,
        planName: plan.planName,
        detectOnly: plan.detectOnly,
        collectorTypes: plan.collectorTypes,
        devices,
        openedAt: new Date().toISOString(),
      }),
    );
    await deliverActivityEvents(buffer, deps, startedAt);
    return {
      devices,
      collectorTypes: plan.collectorTypes,
      credentialsRef: plan.credentialsRef,
      connectionTarget: plan.connectionTarget,
      protocol: plan.protocol,
      devicesAtOnce: plan.devicesAtOnce,
      deviceTimeoutSeconds: plan.deviceTimeoutSeconds,
      deviceRetry: plan.deviceRetry,
      detectOnly: plan.detectOnly,
    };
  };
}
