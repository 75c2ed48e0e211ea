import { Entity, Index } from 'typeorm';
import { BigintColumn, CreatedAt, IntegerColumn, JsonColumn, TextColumn, TextPrimaryKey, TimestampColumn, UpdatedAt, UuidColumn } from '@yardmaster/record-columns';
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

  @TextColumn({ name: 'job_id' })
  jobId!: string;

  /** Whom the schedule's runs act as (`definition.owner`, as a column to filter on); null for schedules from before owners. */
  @TextColumn({ nullable: true })
  owner!: string | null;

  /** The whole definition, as the snapshot carries it (key and jobId included). */
  @JsonColumn()
  definition!: ScheduleDefinition;

  @TextColumn()
  state!: ScheduleStateName;

  @TextColumn({ name: 'paused_reason', nullable: true })
  pausedReason!: string | null;

  /** ISO 8601 times of the next runs, as Temporal computed them when the snapshot was taken. */
  @JsonColumn({ name: 'next_run_times', default: () => "'[]'" })
  nextRunTimes!: string[];

  /** The run this schedule requested last (by request time), and that run's status as it changes. */
  @UuidColumn({ name: 'last_run_id', nullable: true })
  lastRunId!: string | null;

  @TextColumn({ name: 'last_run_status', nullable: true })
  lastRunStatus!: RunStatus | null;

  @TimestampColumn({ name: 'last_run_at', nullable: true })
  lastRunAt!: Date | null;

  @IntegerColumn({ name: 'total_runs', default: 0 })
  totalRuns!: number;

  /** Stream position of the snapshot applied last; an older snapshot is ignored. */
  @BigintColumn({ name: 'snapshot_position' })
  snapshotPosition!: string;

  @CreatedAt()
  createdAt!: Date;

  /** When the schedule itself last changed (definition, state, pause reason or deletion); not bumped by its runs. */
  @UpdatedAt()
  updatedAt!: Date;

  @TimestampColumn({ name: 'deleted_at', nullable: true })
  deletedAt!: Date | null;
}
