import { Delete, Get, HttpCode, Param } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ErrorCode, YardError, type Device } from '@yardmaster/contracts';
import type { ChangeContext } from '@yardmaster/identity';
import { DeviceHostKeyStore, InventoryStore } from '@yardmaster/inventory';
import { RequirePermission } from '../../auth/route-access';
import { ApiController } from '../../http/api-controller.decorator';
import { CurrentChange } from '../../users/change-context.decorator';
import { IdentityEventPublisher } from '../../users/identity-event-publisher';
import { deviceHostKeyForgottenEvent } from './device-host-key-forgotten.event';
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
    private readonly events: IdentityEventPublisher,
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
  @ApiNoContentResponse({ description: 'Forgotten (or none was pinned); the audit records it (identity.device_host_key_forgotten)' })
  @ApiNotFoundResponse({ description: 'INVENTORY_OBJECT_NOT_FOUND: no such device' })
  async forget(@Param('id') id: string, @CurrentChange() change: ChangeContext): Promise<void> {
    const device = await this.requireDevice(id);
    const forgotten = await this.hostKeys.forget(id);
    await this.events.publish(deviceHostKeyForgottenEvent(change, device, forgotten));
  }

  private async requireDevice(id: string): Promise<Device> {
    const device = await this.inventory.collections.devices.get(id);
    if (!device) throw new YardError(ErrorCode.InventoryObjectNotFound, `No device has the id ${JSON.stringify(id)}`);
    return device;
  }
}
