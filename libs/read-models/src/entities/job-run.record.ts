import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { JsonObject, JsonValue, RunErrorInfo, RunStatus } from '@yardmaster/contracts';

@Entity({ name: 'job_runs' })
@Index('job_runs_created_at_idx', ['createdAt'])
@Index('job_runs_job_id_idx', ['jobId', 'createdAt'])
@Index('job_runs_status_idx', ['status', 'createdAt'])
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
}
