import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { LogLevel, LogObjectRef } from '@yardmaster/contracts';

@Entity({ name: 'job_log_entries' })
@Index('job_log_entries_run_position_idx', ['runId', 'position'])
export class JobLogEntryRecord {
  /** The event id: a redelivered log event finds its row already there. */
  @PrimaryColumn('text')
  id!: string;

  @Column('uuid', { name: 'run_id' })
  runId!: string;

  /** The event's position in the runs stream: the order entries were written in. */
  @Column('bigint')
  position!: string;

  @Column('text')
  level!: LogLevel;

  @Column('text')
  grouping!: string;

  @Column('text')
  message!: string;

  @Column('jsonb', { nullable: true })
  object!: LogObjectRef | null;

  @Column('integer')
  attempt!: number;

  @Column('timestamptz', { name: 'logged_at' })
  loggedAt!: Date;
}
