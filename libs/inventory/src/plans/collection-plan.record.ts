import { Entity } from 'typeorm';
import {
  BooleanColumn,
  CreatedAt,
  IntegerColumn,
  JsonColumn,
  NullableInteger,
  NullableText,
  NullableUuid,
  TextColumn,
  UpdatedAt,
  UuidPrimaryKey,
} from '@yardmaster/record-columns';
import type { CollectionProtocol, CollectorType, ConnectionTarget, DeviceRetry, PlanDeviceFilter, PlanPriority } from '@yardmaster/contracts';

/** A collection plan: what its runs collect, from which devices, how; and its last run and schedule. */
@Entity({ name: 'collection_plans' })
export class CollectionPlanRecord {
  @UuidPrimaryKey()
  id!: string;

  @TextColumn()
  name!: string;

  @TextColumn()
  description!: string;

  @BooleanColumn()
  enabled!: boolean;

  @TextColumn()
  priority!: PlanPriority;

  @NullableText('run_as')
  runAs!: string | null;

  @JsonColumn('collector_types')
  collectorTypes!: CollectorType[];

  /** A credential set's name (the foreign key guards it); null: each device's own. */
  @NullableText('credentials_ref')
  credentialsRef!: string | null;

  /** Which of a device's addresses the plan's runs dial (`primary` for plans older than the column). */
  @TextColumn('connection_target')
  connectionTarget!: ConnectionTarget;

  /** How the plan's runs ask each device (`snmp` for plans older than the column). */
  @TextColumn('protocol')
  protocol!: CollectionProtocol;

  @JsonColumn()
  filter!: PlanDeviceFilter;

  @NullableInteger('interval_minutes')
  intervalMinutes!: number | null;

  @BooleanColumn('detect_only')
  detectOnly!: boolean;

  @IntegerColumn('device_timeout_seconds')
  deviceTimeoutSeconds!: number;

  @IntegerColumn('run_timeout_seconds')
  runTimeoutSeconds!: number;

  @IntegerColumn('devices_at_once')
  devicesAtOnce!: number;

  @JsonColumn('device_retry')
  deviceRetry!: DeviceRetry;

  /** The last run started from the plan's REST route; a scheduled run is found by `scheduleId` in the run read model. */
  @NullableUuid('last_run_id')
  lastRunId!: string | null;

  @NullableText('schedule_id')
  scheduleId!: string | null;

  @TextColumn('created_by')
  createdBy!: string;

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;
}
