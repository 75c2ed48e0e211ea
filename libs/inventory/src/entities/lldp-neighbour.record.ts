import { Entity } from 'typeorm';
import { CreatedAt, NullableUuid, TextColumn, UpdatedAt, UuidColumn, UuidPrimaryKey } from '@yardmaster/record-columns';
import type { NeighbourProtocol } from '@yardmaster/contracts';

/** An LLDP or CDP neighbour of an interface; the remote device and interface are resolved by name on write. */
@Entity({ name: 'inventory_lldp_neighbours' })
export class LldpNeighbourRecord {
  @UuidPrimaryKey()
  id!: string;

  @UuidColumn('device_id')
  deviceId!: string;

  @UuidColumn('interface_id')
  interfaceId!: string;

  @TextColumn()
  protocol!: NeighbourProtocol;

  @TextColumn('remote_chassis_id')
  remoteChassisId!: string;

  @TextColumn('remote_system_name')
  remoteSystemName!: string;

  @TextColumn('remote_port')
  remotePort!: string;

  @NullableUuid('remote_device_id')
  remoteDeviceId!: string | null;

  @NullableUuid('remote_interface_id')
  remoteInterfaceId!: string | null;

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;
}
