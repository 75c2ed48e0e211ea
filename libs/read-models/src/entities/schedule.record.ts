import { Entity, Index } from 'typeorm';
import { BigintColumn, CreatedAt, IntegerColumn, JsonColumn, NullableText, NullableTimestamp, NullableUuid, TextColumn, TextPrimaryKey, UpdatedAt } from '@yardmaster/record-columns';
import type { RunStatus, ScheduleDefinition, ScheduleStateName } from '@yardmaster/contracts';

/**
 * A schedule as the latest `schedule.changed` snapshot applied says it is, with the runs it started counted.
 * A deleted schedule keeps its row (`deletedAt` set) so that its past runs keep their link.
 */
@Entity({ name: 'schedules' })
@Index('schedules_key_live_idx', ['key'], { unique: true, where: 'deleted_at IS NULL' })
@Index('schedules_job_id_idx', ['jobId', 'key'], { where: 'deleted_at IS NULL' })
export class ScheduleRecord {
  @TextPrimaryKey()
  id!: string;

  @TextColumn()
  key!: string;

  @TextColumn('job_id')
  jobId!: string;

  /** Whom the schedule's runs act as (`definition.owner`, as a column to filter on); null for schedules from before owners. */
  @NullableText()
  owner!: string | null;

  /** The whole definition, as the snapshot carries it (key and jobId included). */
  @JsonColumn()
  definition!: ScheduleDefinition;

  @TextColumn()
  state!: ScheduleStateName;

  @NullableText('paused_reason')
  pausedReason!: string | null;

  /** ISO 8601 times of the next runs, as Temporal computed them when the snapshot was taken. */
  @JsonColumn({ name: 'next_run_times', default: () => "'[]'" })
  nextRunTimes!: string[];

  /** The run this schedule requested last (by request time), and that run's status as it changes. */
  @NullableUuid('last_run_id')
  lastRunId!: string | null;

  @NullableText('last_run_status')
  lastRunStatus!: RunStatus | null;

  @NullableTimestamp('last_run_at')
  lastRunAt!: Date | null;

  @IntegerColumn({ name: 'total_runs', default: 0 })
  totalRuns!: number;

  /** Stream position of the snapshot applied last; an older snapshot is ignored. */
  @BigintColumn('snapshot_position')
  snapshotPosition!: string;

  @CreatedAt()
  createdAt!: Date;

  /** When the schedule itself last changed (definition, state, pause reason or deletion); not bumped by its runs. */
  @UpdatedAt()
  updatedAt!: Date;

  @NullableTimestamp('deleted_at')
  deletedAt!: Date | null;
}
