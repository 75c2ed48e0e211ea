import type { JsonObject } from '../json';

/** When a schedule fires: once, every N minutes, or on a 5-field cron expression in a time zone. */
export type ScheduleTiming =
  | { readonly kind: 'at'; readonly at: string }
  | { readonly kind: 'interval'; readonly everyMinutes: number }
  | { readonly kind: 'cron'; readonly cron: string; readonly timezone: string };

/** What happens when a run is due while the schedule's previous run still goes on. */
export const OVERLAP_POLICIES = ['skip', 'buffer_one', 'allow_all'] as const;
export type OverlapPolicy = (typeof OVERLAP_POLICIES)[number];

/** Everything a schedule is: comparing two of these tells whether a create request changes anything. */
export interface ScheduleDefinition {
  readonly key: string;
  readonly jobId: string;
  readonly data: JsonObject;
  /** Null for a read-only job: its runs have no commit. */
  readonly commit: boolean | null;
  readonly queue: string;
  readonly runTimeoutSeconds: number | null;
  readonly timing: ScheduleTiming;
  readonly startAt: string | null;
  readonly endAt: string | null;
  readonly overlap: OverlapPolicy;
  /** After an outage, a due run is still started if it was due less than this long ago; one at most. */
  readonly catchupWindowSeconds: number;
  /**
   * The user the schedule's runs act as: its creator, or whom an administrator named (`runAs`). Absent for
   * schedules created before owners, whose runs act as `schedule:<id>` without permission checks.
   */
  readonly owner?: string;
}

/** What a schedule's Temporal action hands the collector each time it fires. */
export interface ScheduledRunRequest {
  readonly scheduleId: string;
  readonly definition: ScheduleDefinition;
}

export type ScheduleStateName = 'active' | 'paused';

/** A schedule as the scheduler last saw it in Temporal: what `schedule.changed` carries and the read model keeps. */
export interface ScheduleSnapshot {
  readonly scheduleId: string;
  readonly definition: ScheduleDefinition;
  readonly state: ScheduleStateName;
  readonly pausedReason: string | null;
  readonly nextRunTimes: readonly string[];
  readonly deleted: boolean;
  readonly observedAt: string;
}
