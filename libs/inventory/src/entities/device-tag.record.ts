import { Entity, PrimaryColumn } from 'typeorm';

/** One tag on one device. Both foreign keys cascade: deleting a tag takes it off its devices. */
@Entity({ name: 'inventory_device_tags' })
export class DeviceTagRecord {
  @PrimaryColumn('uuid', { name: 'device_id' })
  deviceId!: string;

  @PrimaryColumn('uuid', { name: 'tag_id' })
  tagId!: string;
}
