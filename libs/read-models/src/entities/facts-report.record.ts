import { Entity } from 'typeorm';
import { BooleanColumn, IntegerColumn, JsonColumn, NullableInteger, NullableTimestamp, TextColumn, TextPrimaryKey, TimestampColumn, UpdatedAt } from '@yardmaster/record-columns';
import type { CollectorType, FactsDeviceFailureView, FactsReportStatus } from '@yardmaster/contracts';

/** A plan run's facts report, with its counts kept by the projection as entries arrive and are resolved. */
@Entity({ name: 'facts_reports' })
export class FactsReportRecord {
  /** The run's id. */
  @TextPrimaryKey()
  id!: string;

  @TextColumn('run_id')
  runId!: string;

  @TextColumn('plan_id')
  planId!: string;

  @TextColumn('plan_name')
  planName!: string;

  @BooleanColumn('detect_only')
  detectOnly!: boolean;

  @JsonColumn({ name: 'collector_types', default: () => "'[]'" })
  collectorTypes!: CollectorType[];

  @TextColumn()
  status!: FactsReportStatus;

  @IntegerColumn({ name: 'devices_total', default: 0 })
  devicesTotal!: number;

  @IntegerColumn({ name: 'devices_collected', default: 0 })
  devicesCollected!: number;

  @IntegerColumn({ name: 'devices_failed', default: 0 })
  devicesFailed!: number;

  /** Each device that could not be collected, with the code and message of why (one element per device). */
  @JsonColumn({ name: 'failed_devices', default: () => "'[]'" })
  failedDevices!: FactsDeviceFailureView[];

  @IntegerColumn({ name: 'entries_total', default: 0 })
  entriesTotal!: number;

  /** What `facts.report_closed` said the report holds; null until then. */
  @NullableInteger('entries_expected')
  entriesExpected!: number | null;

  @IntegerColumn({ name: 'new_entries', default: 0 })
  newEntries!: number;

  @IntegerColumn({ name: 'changed_entries', default: 0 })
  changedEntries!: number;

  @IntegerColumn({ name: 'confirmed_entries', default: 0 })
  confirmedEntries!: number;

  @IntegerColumn({ name: 'stale_entries', default: 0 })
  staleEntries!: number;

  @IntegerColumn({ name: 'pending_entries', default: 0 })
  pendingEntries!: number;

  @IntegerColumn({ name: 'applied_entries', default: 0 })
  appliedEntries!: number;

  @IntegerColumn({ name: 'skipped_entries', default: 0 })
  skippedEntries!: number;

  @IntegerColumn({ name: 'failed_entries', default: 0 })
  failedEntries!: number;

  @TimestampColumn('opened_at')
  openedAt!: Date;

  @NullableTimestamp('closed_at')
  closedAt!: Date | null;

  @UpdatedAt()
  updatedAt!: Date;
}
