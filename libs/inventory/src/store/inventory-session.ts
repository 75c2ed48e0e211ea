import type { Device, DeviceFactsInput, InventoryChange } from '@yardmaster/contracts';
import type { InventoryAccess } from '@yardmaster/job-sdk';

/**
 * The inventory inside one transaction (see `InventoryStore.withSession`): reads see the session's own writes,
 * and every create, update and delete is recorded in `changes`, in order.
 */
export interface InventorySession extends InventoryAccess {
  /** Each change made through this session (not those replayed), `record` as it stood after the change. */
  readonly changes: readonly InventoryChange[];
  /**
   * Re-applies changes an earlier session recorded (same ids, in order, validated again), so a later step of a
   * dry run sees what earlier steps did. All or nothing; replayed changes are not recorded again.
   */
  replay(changes: readonly InventoryChange[]): Promise<void>;
  /** What a facts collection found about a device (see `InventoryStore.recordDeviceFacts`), recorded as an update of the device. */
  recordDeviceFacts(deviceId: string, facts: DeviceFactsInput): Promise<Device>;
}
