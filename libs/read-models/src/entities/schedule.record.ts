import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RunStatus, ScheduleDefinition, ScheduleStateName } from '@yardmaster/contracts';

/**
 * A schedule as the latest `schedule.changed` snapshot applied says it is, with the runs it started counted.
 * A deleted schedule keeps its row (`deletedAt` set) so that its past runs keep their link.
 */
@Entity({ name: 'schedules' })
@Index('schedules_key_live_idx', ['key'], { unique: true, where: 'deleted_at IS NULL' })
@Index('schedules_job_id_idx', ['jobId', 'key'], { where: 'deleted_at IS NULL' })
export class ScheduleRecord {
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  key!: string;

  @Column('text', { name: 'job_id' })
  jobId!: string;

  /** Whom the schedule's runs act as (`definition.owner`, as a column to filter on); null for schedules from before owners. */
  @Column('text', { nullable: true })
  owner!: string | null;

  /** The whole definition, as the snapshot carries it (key and jobId included). */
  @Column('jsonb')
  definition!: ScheduleDefinition;

  @Column('text')
  state!: ScheduleStateName;

  @Column('text', { name: 'paused_reason', nullable: true })
  pausedReason!: string | null;

  /** ISO 8601 times of the next runs, as Temporal computed them when the snapshot was taken. */
  @Column('jsonb', { name: 'next_run_times', default: () => "'[]'" })
  nextRunTimes!: string[];

  /** The run this schedule requested last (by request time), and that run's status as it changes. */
  @Column('uuid', { name: 'last_run_id', nullable: true })
  lastRunId!: string | null;

  @Column('text', { name: 'last_run_status', nullable: true })
  lastRunStatus!: RunStatus | null;

  @Column('timestamptz', { name: 'last_run_at', nullable: true })
  lastRunAt!: Date | null;

  @Column('integer', { name: 'total_runs', default: 0 })
  totalRuns!: number;

  /** Stream position of the snapshot applied last; an older snapshot is ignored. */
  @Column('bigint', { name: 'snapshot_position' })
  snapshotPosition!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  /** When the schedule itself last changed (definition, state, pause reason or deletion); not bumped by its runs. */
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  @Column('timestamptz', { name: 'deleted_at', nullable: true })
  deletedAt!: Date | null;
}
