import { ErrorCode, YardError, type DeviceFactsInput, type FactsEntry, type FactsObjectType, type JsonObject } from '@yardmaster/contracts';
import { COLLECTION_OF_MODEL, type InventoryCollection } from '@yardmaster/job-sdk';
import type { InventoryWriter } from '../store/inventory-store';

/** The entries that are records of an inventory model of their own (device facts are the device's, written apart). */
type StoredObjectType = Exclude<FactsObjectType, 'device' | 'bgp_peer'>;

/** The models that keep when a record was last seen: a confirmed entry moves it, and changes nothing else. */
const HAS_LAST_SEEN: ReadonlySet<FactsObjectType> = new Set(['ip_neighbour', 'mac_entry']);

/**
 * Writes one entry to the inventory, as netbox_facts applies a report's entry: `new` creates the record as
 * detected, `changed` updates it to what was detected, `confirmed` only moves its `lastSeen` (where the model has
 * one), `stale` deletes it; a device's facts are recorded on the device. Throws the inventory's `YardError`
 * when it refuses; resolves to the id of the record the entry created or changed.
 */
export async function writeFactsEntry(inventory: InventoryWriter, entry: FactsEntry, now: string): Promise<string | null> {
  if (entry.objectType === 'device') return writeDeviceFacts(inventory, entry, now);
  if (entry.objectType === 'bgp_peer') {
    throw new YardError(ErrorCode.ValidationFailed, 'The inventory keeps no BGP peers: a bgp_peer entry can be skipped, not applied');
  }
  const objectType: StoredObjectType = entry.objectType;
  // One collection whatever the model: the entry's detected values are that model's input, checked by the collection.
  const collection = inventory[COLLECTION_OF_MODEL[objectType]] as unknown as InventoryCollection<'interface'>;
  switch (entry.action) {
    case 'new':
      return (await collection.create((await inputOf(inventory, entry)) as never)).id;
    case 'changed':
      return (await collection.update(objectIdOf(entry), (await inputOf(inventory, entry)) as never)).id;
    case 'confirmed':
      if (HAS_LAST_SEEN.has(objectType)) await collection.update(objectIdOf(entry), { lastSeen: lastSeenOf(entry, now) } as never);
      return objectIdOf(entry);
    case 'stale':
      await collection.delete(objectIdOf(entry));
      return objectIdOf(entry);
  }
}

/** new and changed record what was detected; confirmed only when it was collected; stale clears what the device had. */
async function writeDeviceFacts(inventory: InventoryWriter, entry: FactsEntry, now: string): Promise<string> {
  let facts: DeviceFactsInput;
  if (entry.action === 'stale') facts = Object.fromEntries(Object.keys(entry.current ?? {}).filter((field) => field !== 'lastCollectedAt').map((field) => [field, null]));
  else if (entry.action === 'confirmed') facts = { lastCollectedAt: typeof entry.detected?.lastCollectedAt === 'string' ? entry.detected.lastCollectedAt : now };
  else facts = detectedOf(entry) as DeviceFactsInput;
  await inventory.recordDeviceFacts(entry.deviceId, facts);
  return entry.deviceId;
}

function lastSeenOf(entry: FactsEntry, now: string): string {
  return typeof entry.detected?.lastSeen === 'string' ? entry.detected.lastSeen : now;
}

function objectIdOf(entry: FactsEntry): string {
  if (entry.objectId === null) throw new YardError(ErrorCode.ValidationFailed, `A ${entry.action} entry names the inventory record it is about, and this one names none`, [{ field: 'objectId', message: 'is required' }]);
  return entry.objectId;
}

function detectedOf(entry: FactsEntry): JsonObject {
  if (entry.detected === null) throw new YardError(ErrorCode.ValidationFailed, `A ${entry.action} entry carries the values detected, and this one carries none`, [{ field: 'detected', message: 'is required' }]);
  return entry.detected;
}

/**
 * The detected values as the model's input. A record on an interface that the same report creates cannot name
 * its id when collected (`interfaceId: null`): it may name the interface by `interfaceName` beside it (on the
 * entry's device), resolved here, after the report's interfaces have been applied. `interfaceName` is never
 * stored: an `interfaceId` given wins.
 */
async function inputOf(inventory: InventoryWriter, entry: FactsEntry): Promise<JsonObject> {
  const { interfaceName, ...detected } = detectedOf(entry);
  if (typeof interfaceName !== 'string' || (detected.interfaceId !== undefined && detected.interfaceId !== null)) return detected;
  const { items } = await inventory.interfaces.find({ device: entry.deviceId, name: interfaceName }, { limit: 1 });
  const found = items[0];
  if (!found) {
    throw new YardError(ErrorCode.ValidationFailed, `Device ${entry.deviceName} has no interface named ${interfaceName}`, [
      { field: 'interfaceName', message: 'no interface of the device has this name' },
    ]);
  }
  return { ...detected, interfaceId: found.id };
}
