import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One action a person took, as the audit projector recorded it from its event. */
@Entity({ name: 'audit_entries' })
export class AuditEntryRecord {
  @PrimaryColumn('text', { name: 'event_id' })
  eventId!: string;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;

  @Column('text')
  actor!: string;

  /** The event type, e.g. `run.requested`, `schedule.paused`, `identity.token_created`. */
  @Column('text')
  action!: string;

  @Column('text', { name: 'target_type' })
  targetType!: string;

  @Column('text', { name: 'target_id' })
  targetId!: string;

  /** One line a person reads, e.g. `paused schedule nightly-backup: maintenance`. */
  @Column('text')
  summary!: string;

  @Column('text', { name: 'correlation_id', nullable: true })
  correlationId!: string | null;

  @Column('jsonb')
  details!: Record<string, unknown>;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;
}
