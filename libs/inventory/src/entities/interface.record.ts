import { Entity } from 'typeorm';
import { BooleanColumn, CreatedAt, NullableBigint, NullableInteger, NullableText, TextColumn, UpdatedAt, UuidColumn, UuidPrimaryKey } from '@yardmaster/record-columns';
import type { InterfaceType } from '@yardmaster/contracts';

@Entity({ name: 'inventory_interfaces' })
export class InterfaceRecord {
  @UuidPrimaryKey()
  id!: string;

  @UuidColumn('device_id')
  deviceId!: string;

  @TextColumn()
  name!: string;

  @TextColumn()
  type!: InterfaceType;

  @BooleanColumn()
  enabled!: boolean;

  @NullableInteger()
  mtu!: number | null;

  /** kbit/s; a bigint, so Postgres hands it back as text. */
  @NullableBigint()
  speed!: string | null;

  @NullableText('mac_address')
  macAddress!: string | null;

  @TextColumn()
  description!: string;

  @NullableInteger('if_index')
  ifIndex!: number | null;

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;
}
