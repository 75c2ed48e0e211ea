import { Entity } from 'typeorm';
import { JsonColumn, NullableText, TextColumn, TextPrimaryKey, TimestampColumn } from '@yardmaster/record-columns';

/** One action a person took, as the audit projector recorded it from its event. */
@Entity({ name: 'audit_entries' })
export class AuditEntryRecord {
  @TextPrimaryKey('event_id')
  eventId!: string;

  @TimestampColumn('occurred_at')
  occurredAt!: Date;

  @TextColumn()
  actor!: string;

  /** The event type, e.g. `run.requested`, `schedule.paused`, `identity.token_created`. */
  @TextColumn()
  action!: string;

  @TextColumn('target_type')
  targetType!: string;

  @TextColumn('target_id')
  targetId!: string;

  /** One line a person reads, e.g. `paused schedule nightly-backup: maintenance`. */
  @TextColumn()
  summary!: string;

  @NullableText('correlation_id')
  correlationId!: string | null;

  @JsonColumn()
  details!: Record<string, unknown>;

  @TimestampColumn('recorded_at')
  recordedAt!: Date;
}
