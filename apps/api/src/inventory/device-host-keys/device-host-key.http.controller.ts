import { Delete, Get, HttpCode, Param } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ErrorCode, YardError } from '@yardmaster/contracts';
import { DeviceHostKeyStore, InventoryStore } from '@yardmaster/inventory';
import { RequirePermission } from '../../auth/route-access';
import { ApiController } from '../../http/api-controller.decorator';
import { DEVICE_HOST_KEY_VIEW_SCHEMA, deviceHostKeyViewOf, type DeviceHostKeyView } from './device-host-key.view';

/**
 * A device's pinned SSH host key. The SSH driver records the first key a device shows and refuses a different one
 * (SSH_HOST_KEY_CHANGED) until an operator, having checked that the device was really replaced or re-keyed, forgets
 * the pinned key here: the next session records the key the device then shows.
 */
@ApiController('inventory', 'api/inventory/devices/:id/host-key', RequirePermission('inventory.view'))
export class DeviceHostKeyHttpController {
  constructor(
    private readonly inventory: InventoryStore,
    private readonly hostKeys: DeviceHostKeyStore,
  ) {}

  @Get()
  @ApiOperation({ summary: "The device's pinned SSH host key (algorithm, SHA256 fingerprint, when recorded), or pinned: null" })
  @ApiOkResponse({ description: 'The pinned key', schema: DEVICE_HOST_KEY_VIEW_SCHEMA })
  @ApiNotFoundResponse({ description: 'INVENTORY_OBJECT_NOT_FOUND: no such device' })
  async get(@Param('id') id: string): Promise<DeviceHostKeyView> {
    await this.requireDevice(id);
    return deviceHostKeyViewOf(id, await this.hostKeys.find(id));
  }

  @Delete()
  @HttpCode(204)
  @RequirePermission('inventory.manage')
  @ApiOperation({ summary: "Forget the device's pinned SSH host key: its next SSH session records the key it then shows (accepting a changed key)" })
  @ApiNoContentResponse({ description: 'Forgotten (or none was pinned)' })
  @ApiNotFoundResponse({ description: 'INVENTORY_OBJECT_NOT_FOUND: no such device' })
  async forget(@Param('id') id: string): Promise<void> {
    await this.requireDevice(id);
    await this.hostKeys.forget(id);
  }

  private async requireDevice(id: string): Promise<void> {
    if (!(await this.inventory.collections.devices.get(id))) throw new YardError(ErrorCode.InventoryObjectNotFound, `No device has the id ${JSON.stringify(id)}`);
  }
}
