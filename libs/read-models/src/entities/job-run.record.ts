import { Column, Entity, Index } from 'typeorm';
import { CreatedAt, IntegerColumn, JsonColumn, NullableBigint, NullableBoolean, NullableJson, NullableText, NullableTimestamp, TextColumn, UpdatedAt, UuidPrimaryKey } from '@yardmaster/record-columns';
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
@Index('job_runs_job_status_idx', ['jobId', 'status', 'createdAt'])
@Index('job_runs_live_idx', ['updatedAt'], { where: 'status_rank < 4' })
@Index('job_runs_schedule_id_idx', ['scheduleId', 'createdAt'], { where: 'schedule_id IS NOT NULL' })
export class JobRunRecord {
  @UuidPrimaryKey()
  id!: string;

  @TextColumn('job_id')
  jobId!: string;

  @NullableText('job_name')
  jobName!: string | null;

  @TextColumn()
  status!: RunStatus;

  /** `runStatusRank(status)`, stored so an update can refuse to move a run backwards in one statement. */
  @Column('smallint', { name: 'status_rank' })
  statusRank!: number;

  @NullableJson()
  data!: JsonObject | null;

  @NullableBoolean()
  commit!: boolean | null;

  @NullableText()
  queue!: string | null;

  @NullableText('requested_by')
  requestedBy!: string | null;

  /** Who the run acts as (`run_as`, a schedule's owner); null for runs from before it. */
  @NullableText('run_as')
  runAs!: string | null;

  @TextColumn('workflow_id')
  workflowId!: string;

  @IntegerColumn()
  attempt!: number;

  @NullableJson()
  result!: JsonValue | null;

  @NullableJson()
  error!: RunErrorInfo | null;

  @IntegerColumn('failure_count')
  failureCount!: number;

  @CreatedAt()
  createdAt!: Date;

  @NullableTimestamp('started_at')
  startedAt!: Date | null;

  @NullableTimestamp('completed_at')
  completedAt!: Date | null;

  @UpdatedAt()
  updatedAt!: Date;

  /** Step name → its latest attempt. Empty until a step starts. */
  @JsonColumn({ default: () => "'{}'" })
  steps!: Record<string, JobRunStepRecord>;

  /** The latest progress report; null until the job reports one. */
  @NullableJson()
  progress!: RunProgressData | null;

  /** Stream position of the progress report in `progress`: an older report never replaces a newer one. */
  @NullableBigint('progress_position')
  progressPosition!: string | null;

  /** Who first asked to cancel the run, and when; null when nobody has. */
  @NullableText('cancel_requested_by')
  cancelRequestedBy!: string | null;

  @NullableTimestamp('cancel_requested_at')
  cancelRequestedAt!: Date | null;

  /** Who cancelled the run, as its `run.cancelled` event says; set only when the run ended `cancelled`. */
  @NullableText('cancelled_by')
  cancelledBy!: string | null;

  /** The schedule that started the run, as its `run.requested` says; null for a run someone asked for. */
  @NullableText('schedule_id')
  scheduleId!: string | null;
}
