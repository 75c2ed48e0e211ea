import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Events the projection has applied, written in the same transaction as their effects: each applies once. */
@Entity({ name: 'applied_events' })
export class AppliedEventRecord {
  @PrimaryColumn('text', { name: 'event_id' })
  eventId!: string;

  @Column('text')
  stream!: string;

  @Column('bigint', { name: 'stream_sequence' })
  streamSequence!: string;

  @Column('timestamptz', { name: 'applied_at' })
  appliedAt!: Date;
}
