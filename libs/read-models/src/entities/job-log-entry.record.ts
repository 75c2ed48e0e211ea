import { Entity, Index } from 'typeorm';
import { BigintColumn, IntegerColumn, NullableJson, TextColumn, TextPrimaryKey, TimestampColumn, UuidColumn } from '@yardmaster/record-columns';
import type { LogLevel, LogObjectRef } from '@yardmaster/contracts';

@Entity({ name: 'job_log_entries' })
@Index('job_log_entries_run_position_idx', ['runId', 'position'])
export class JobLogEntryRecord {
  /** The event id: a redelivered log event finds its row already there. */
  @TextPrimaryKey()
  id!: string;

  @UuidColumn('run_id')
  runId!: string;

  /** The event's position in the runs stream: the order entries were written in. */
  @BigintColumn()
  position!: string;

  @TextColumn()
  level!: LogLevel;

  @TextColumn()
  grouping!: string;

  @TextColumn()
  message!: string;

  @NullableJson()
  object!: LogObjectRef | null;

  @IntegerColumn()
  attempt!: number;

  @TimestampColumn('logged_at')
  loggedAt!: Date;
}
