import { Entity } from 'typeorm';
import { UuidPrimaryKey } from '@yardmaster/record-columns';

/** One tag on one device. Both foreign keys cascade: deleting a tag takes it off its devices. */
@Entity({ name: 'inventory_device_tags' })
export class DeviceTagRecord {
  @UuidPrimaryKey('device_id')
  deviceId!: string;

  @UuidPrimaryKey('tag_id')
  tagId!: string;
}
