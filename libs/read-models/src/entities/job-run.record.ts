import { Column, Entity, Index } from 'typeorm';
import { BigintColumn, BooleanColumn, CreatedAt, IntegerColumn, JsonColumn, TextColumn, TimestampColumn, UpdatedAt, UuidPrimaryKey } from '@yardmaster/record-columns';
import type { JsonObject, JsonValue, RunErrorInfo, RunProgressData, RunStatus } from '@yardmaster/contracts';

/** The latest attempt of one step, as `run.step_started` reported it. */
export interface JobRunStepRecord {
  readonly worker: string;
  readonly attempt: number;
  readonly maxAttempts: number;
  /** ISO 8601: when the attempt started (the event's `occurredAt`). */
  readonly startedAt: string;
}

@Entity({ name: 'job_runs' })
@Index('job_runs_created_at_idx', ['createdAt'])
@Index('job_runs_job_id_idx', ['jobId', 'createdAt'])
@Index('job_runs_status_idx', ['status', 'createdAt'])
@Index('job_runs_live_idx', ['updatedAt'], { where: 'status_rank < 4' })
@Index('job_runs_schedule_id_idx', ['scheduleId', 'createdAt'], { where: 'schedule_id IS NOT NULL' })
export class JobRunRecord {
  @UuidPrimaryKey()
  id!: string;

  @TextColumn({ name: 'job_id' })
  jobId!: string;

  @TextColumn({ name: 'job_name', nullable: true })
  jobName!: string | null;

  @TextColumn()
  status!: RunStatus;

  /** `runStatusRank(status)`, stored so an update can refuse to move a run backwards in one statement. */
  @Column('smallint', { name: 'status_rank' })
  statusRank!: number;

  @JsonColumn({ nullable: true })
  data!: JsonObject | null;

  @BooleanColumn({ nullable: true })
  commit!: boolean | null;

  @TextColumn({ nullable: true })
  queue!: string | null;

  @TextColumn({ name: 'requested_by', nullable: true })
  requestedBy!: string | null;

  /** Who the run acts as (`run_as`, a schedule's owner); null for runs from before it. */
  @TextColumn({ name: 'run_as', nullable: true })
  runAs!: string | null;

  @TextColumn({ name: 'workflow_id' })
  workflowId!: string;

  @IntegerColumn()
  attempt!: number;

  @JsonColumn({ nullable: true })
  result!: JsonValue | null;

  @JsonColumn({ nullable: true })
  error!: RunErrorInfo | null;

  @IntegerColumn({ name: 'failure_count' })
  failureCount!: number;

  @CreatedAt()
  createdAt!: Date;

  @TimestampColumn({ name: 'started_at', nullable: true })
  startedAt!: Date | null;

  @TimestampColumn({ name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  @UpdatedAt()
  updatedAt!: Date;

  /** Step name → its latest attempt. Empty until a step starts. */
  @JsonColumn({ default: () => "'{}'" })
  steps!: Record<string, JobRunStepRecord>;

  /** The latest progress report; null until the job reports one. */
  @JsonColumn({ nullable: true })
  progress!: RunProgressData | null;

  /** Stream position of the progress report in `progress`: an older report never replaces a newer one. */
  @BigintColumn({ name: 'progress_position', nullable: true })
  progressPosition!: string | null;

  /** Who first asked to cancel the run, and when; null when nobody has. */
  @TextColumn({ name: 'cancel_requested_by', nullable: true })
  cancelRequestedBy!: string | null;

  @TimestampColumn({ name: 'cancel_requested_at', nullable: true })
  cancelRequestedAt!: Date | null;

  /** Who cancelled the run, as its `run.cancelled` event says; set only when the run ended `cancelled`. */
  @TextColumn({ name: 'cancelled_by', nullable: true })
  cancelledBy!: string | null;

  /** The schedule that started the run, as its `run.requested` says; null for a run someone asked for. */
  @TextColumn({ name: 'schedule_id', nullable: true })
  scheduleId!: string | null;
}
