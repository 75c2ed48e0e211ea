import { Injectable } from '@nestjs/common';
import {
  COLLECT_FACTS_JOB_ID,
  ErrorCode,
  YardError,
  type CollectFactsRunData,
  type Principal,
  type ScheduleActionCommand,
  type ScheduleReply,
  type ScheduleRequest,
  type UpsertScheduleCommand,
} from '@yardmaster/contracts';
import type { ScheduleSync, StoredCollectionPlan } from '@yardmaster/inventory';
import { SchedulerCommands } from '../../http/scheduler-commands';
import { planSettingsOf } from '../plan-settings';

/** The key of a plan's one schedule: the scheduler derives the schedule's id from it, so a plan never has two. */
export function planScheduleKey(planId: string): string {
  return `collection-plan/${planId}`;
}

/** What the plan's schedule runs and when; null when the plan should have none (disabled, or no interval). */
export function planScheduleRequest(plan: StoredCollectionPlan): ScheduleRequest | null {
  if (!plan.enabled || plan.intervalMinutes === null) return null;
  const data: CollectFactsRunData = { plan: planSettingsOf(plan) };
  return {
    key: planScheduleKey(plan.id),
    jobId: COLLECT_FACTS_JOB_ID,
    data: data as unknown as NonNullable<ScheduleRequest['data']>,
    queue: plan.priority,
    runTimeoutSeconds: plan.runTimeoutSeconds,
    intervalMinutes: plan.intervalMinutes,
    // netbox_facts refuses a run while one is queued or working: a due run is skipped while the last goes on.
    overlap: 'skip',
    runAs: plan.runAs ?? plan.createdBy,
  };
}

/**
 * A plan's schedule, kept in step through the scheduler's own commands (the same as `/api/schedules` sends), so
 * it is a schedule like any other: listed, paused, triggered there. Upserted by key on every write of the plan
 * (the scheduler answers "unchanged" when nothing it runs changed), deleted when the plan no longer wants one.
 */
@Injectable()
export class PlanSchedules {
  constructor(private readonly scheduler: SchedulerCommands) {}

  /** The store's `ScheduleSync` for one request: its commands name who asked. */
  syncFor(principal: Principal, correlationHeader: string | undefined): ScheduleSync {
    return async (plan) => {
      const request = planScheduleRequest(plan);
      if (request === null) {
        if (plan.scheduleId !== null) await this.remove(plan.scheduleId, principal, correlationHeader);
        return null;
      }
      const command: UpsertScheduleCommand = { meta: this.scheduler.meta(principal, correlationHeader), request };
      return (await this.scheduler.send<ScheduleReply>((subjects) => subjects.upsertScheduleCommand, command)).snapshot.scheduleId;
    };
  }

  /** Deletes the schedule; one already gone (deleted over `/api/schedules`) is what was wanted. */
  async remove(scheduleId: string, principal: Principal, correlationHeader: string | undefined): Promise<void> {
    const command: ScheduleActionCommand = { meta: this.scheduler.meta(principal, correlationHeader), scheduleId, action: 'delete' };
    try {
      await this.scheduler.send<ScheduleReply>((subjects) => subjects.scheduleActionCommand, command);
    } catch (error) {
      if (!(error instanceof YardError && error.code === ErrorCode.ScheduleNotFound)) throw error;
    }
  }
}
