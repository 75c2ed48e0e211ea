import type { CommandMeta } from '../commands/command-reply';
import type { JsonObject } from '../json';
import type { OverlapPolicy, ScheduleSnapshot, ScheduleTiming } from './schedule-definition';

/** The fields a person gives to create (or, by key, update) a schedule. */
export interface ScheduleRequest {
  readonly key?: string;
  readonly instance?: string;
  readonly jobId: string;
  readonly data?: JsonObject;
  readonly commit?: boolean;
  readonly queue?: string;
  readonly runTimeoutSeconds?: number;
  readonly at?: string;
  readonly intervalMinutes?: number;
  readonly cron?: string;
  readonly timezone?: string;
  readonly startAt?: string;
  readonly endAt?: string;
  readonly overlap?: OverlapPolicy;
  readonly catchupWindowSeconds?: number;
  /** The owner, whom the runs act as; only an administrator may name someone else (the API checks it). */
  readonly runAs?: string;
}

export interface UpsertScheduleCommand {
  readonly meta: CommandMeta;
  readonly request: ScheduleRequest;
}

export type SchedulePatch = Partial<Omit<ScheduleRequest, 'key' | 'instance' | 'jobId'>> & { readonly timing?: ScheduleTiming };

export interface UpdateScheduleCommand {
  readonly meta: CommandMeta;
  readonly scheduleId: string;
  readonly patch: SchedulePatch;
}

export type ScheduleAction = 'pause' | 'resume' | 'trigger' | 'delete';

export interface ScheduleActionCommand {
  readonly meta: CommandMeta;
  readonly scheduleId: string;
  readonly action: ScheduleAction;
  readonly reason?: string;
}

export interface ScheduleReply {
  readonly snapshot: ScheduleSnapshot;
  /** For a create: false when a schedule with the same key and spec already existed. */
  readonly created: boolean;
  readonly updated: boolean;
}
