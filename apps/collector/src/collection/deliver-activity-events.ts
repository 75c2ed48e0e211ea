import { Context } from '@temporalio/activity';
import { deliverStepLog, stepDeadlineOf } from '../activities/log-delivery/deliver-step-log';
import type { StepEventBuffer } from '../activities/log-delivery/step-event-buffer';
import type { CollectionDeps } from './collection-deps';

/** Waits until a collection activity's events are delivered, giving up as a job step's log does (before its timeout). */
export function deliverActivityEvents(buffer: StepEventBuffer, deps: CollectionDeps, startedAt: number): Promise<void> {
  return deliverStepLog(buffer, stepDeadlineOf(Context.current().info, startedAt), deps.logDelivery.limits.giveUpAfterMs);
}
