import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
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
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'job_id' })
  jobId!: string;

  @Column('text', { name: 'job_name', nullable: true })
  jobName!: string | null;

  @Column('text')
  status!: RunStatus;

  /** `runStatusRank(status)`, stored so an update can refuse to move a run backwards in one statement. */
  @Column('smallint', { name: 'status_rank' })
  statusRank!: number;

  @Column('jsonb', { nullable: true })
  data!: JsonObject | null;

  @Column('boolean', { nullable: true })
  commit!: boolean | null;

  @Column('text', { nullable: true })
  queue!: string | null;

  @Column('text', { name: 'requested_by', nullable: true })
  requestedBy!: string | null;

  /** Who the run acts as (`run_as`, a schedule's owner); null for runs from before it. */
  @Column('text', { name: 'run_as', nullable: true })
  runAs!: string | null;

  @Column('text', { name: 'workflow_id' })
  workflowId!: string;

  @Column('integer')
  attempt!: number;

  @Column('jsonb', { nullable: true })
  result!: JsonValue | null;

  @Column('jsonb', { nullable: true })
  error!: RunErrorInfo | null;

  @Column('integer', { name: 'failure_count' })
  failureCount!: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'started_at', nullable: true })
  startedAt!: Date | null;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  /** Step name → its latest attempt. Empty until a step starts. */
  @Column('jsonb', { default: () => "'{}'" })
  steps!: Record<string, JobRunStepRecord>;

  /** The latest progress report; null until the job reports one. */
  @Column('jsonb', { nullable: true })
  progress!: RunProgressData | null;

  /** Stream position of the progress report in `progress`: an older report never replaces a newer one. */
  @Column('bigint', { name: 'progress_position', nullable: true })
  progressPosition!: string | null;

  /** Who first asked to cancel the run, and when; null when nobody has. */
  @Column('text', { name: 'cancel_requested_by', nullable: true })
  cancelRequestedBy!: string | null;

  @Column('timestamptz', { name: 'cancel_requested_at', nullable: true })
  cancelRequestedAt!: Date | null;

  /** Who cancelled the run, as its `run.cancelled` event says; set only when the run ended `cancelled`. */
  @Column('text', { name: 'cancelled_by', nullable: true })
  cancelledBy!: string | null;

  /** The schedule that started the run, as its `run.requested` says; null for a run someone asked for. */
  @Column('text', { name: 'schedule_id', nullable: true })
  scheduleId!: string | null;
}
