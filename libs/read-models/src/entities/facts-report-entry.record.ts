import { Entity } from 'typeorm';
import { NullableJson, NullableText, NullableTimestamp, TextColumn, TextPrimaryKey } from '@yardmaster/record-columns';
import type { CollectorType, FactsEntryAction, FactsEntryStatus, FactsObjectType, JsonObject } from '@yardmaster/contracts';

/** One entry of a facts report: the FactsEntry as collected, and whether it was applied, skipped or failed. */
@Entity({ name: 'facts_report_entries' })
export class FactsReportEntryRecord {
  @TextPrimaryKey('report_id')
  reportId!: string;

  @TextPrimaryKey()
  id!: string;

  @TextColumn('collector_type')
  collectorType!: CollectorType;

  @TextColumn('device_id')
  deviceId!: string;

  @TextColumn('device_name')
  deviceName!: string;

  @TextColumn('object_type')
  objectType!: FactsObjectType;

  @TextColumn()
  key!: string;

  @TextColumn()
  action!: FactsEntryAction;

  /** The inventory record: as collected, or the one an applied `new` entry created. */
  @NullableText('object_id')
  objectId!: string | null;

  @NullableJson()
  detected!: JsonObject | null;

  @NullableJson()
  current!: JsonObject | null;

  @TextColumn({ default: 'pending' })
  status!: FactsEntryStatus;

  @NullableText('error_code')
  errorCode!: string | null;

  @NullableText('error_message')
  errorMessage!: string | null;

  @NullableTimestamp('resolved_at')
  resolvedAt!: Date | null;

  @NullableText('resolved_by')
  resolvedBy!: string | null;
}
