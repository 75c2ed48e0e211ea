import { Entity, Index } from 'typeorm';
import { BigintColumn, TextColumn, TextPrimaryKey, TimestampColumn } from '@yardmaster/record-columns';

/** Events the projection has applied, written in the same transaction as their effects: each applies once. */
@Entity({ name: 'applied_events' })
@Index('applied_events_applied_at_idx', ['appliedAt'])
export class AppliedEventRecord {
  @TextPrimaryKey('event_id')
  eventId!: string;

  @TextColumn()
  stream!: string;

  @BigintColumn('stream_sequence')
  streamSequence!: string;

  @TimestampColumn('applied_at')
  appliedAt!: Date;
}
