import type { CollectorType, FactsEntry, FactsEntryAction, JsonObject, JsonValue } from '@yardmaster/contracts';
import type { CurrentRecord, DetectedRecord } from './facts-records';

/**
 * Fields that are never a reason for `changed`: those that differ at every collection without the record having
 * changed, and `interfaceName`, which names the interface for the apply but is never stored (its `interfaceId`,
 * compared, says whether the record moved to another interface).
 */
const NOT_COMPARED = new Set(['deviceId', 'lastSeen', 'lastCollectedAt', 'uptime', 'interfaceName']);

export interface FactsDiffInput {
  readonly reportId: string;
  readonly device: { readonly id: string; readonly name: string };
  readonly collectorType: CollectorType;
  readonly detected: readonly DetectedRecord[];
  /** The inventory's records this collector type would have found (stale when not found now). */
  readonly current: readonly CurrentRecord[];
}

/**
 * What one collector type found on one device against the inventory: `new` (not in it), `changed` (in it with
 * other values), `confirmed` (in it as found), `stale` (in it, no longer found). A key found twice counts once
 * (the first). Entry ids are the report, device, type and key, so a repeated collection gives the same ids.
 */
export function diffFacts(input: FactsDiffInput): FactsEntry[] {
  const currentByKey = new Map(input.current.map((record) => [`${record.objectType}|${record.key}`, record]));
  const seen = new Set<string>();
  const entries: FactsEntry[] = [];
  for (const record of input.detected) {
    const lookup = `${record.objectType}|${record.key}`;
    if (seen.has(lookup)) continue;
    seen.add(lookup);
    const current = currentByKey.get(lookup);
    const action: FactsEntryAction = !current ? 'new' : sameValues(record.detected, current.current) ? 'confirmed' : 'changed';
    entries.push(entryOf(input, record.objectType, record.key, action, current?.id ?? null, record.detected, current?.current ?? null));
  }
  for (const record of input.current) {
    if (seen.has(`${record.objectType}|${record.key}`)) continue;
    entries.push(entryOf(input, record.objectType, record.key, 'stale', record.id, null, record.current));
  }
  return entries;
}

/** The entry's id: stable for the same report, device, type and key, whatever order they were collected in. */
export function factsEntryId(reportId: string, deviceId: string, collectorType: CollectorType, objectType: string, key: string): string {
  return `${reportId}:${deviceId}:${collectorType}:${objectType}:${key}`;
}

function entryOf(
  input: FactsDiffInput,
  objectType: FactsEntry['objectType'],
  key: string,
  action: FactsEntryAction,
  objectId: string | null,
  detected: JsonObject | null,
  current: JsonObject | null,
): FactsEntry {
  return {
    id: factsEntryId(input.reportId, input.device.id, input.collectorType, objectType, key),
    collectorType: input.collectorType,
    deviceId: input.device.id,
    deviceName: input.device.name,
    objectType,
    key,
    action,
    objectId,
    detected,
    current,
  };
}

/** Each field collected equals the stored one; fields the collection does not say (or that always move) do not count. */
function sameValues(detected: JsonObject, current: JsonObject): boolean {
  return Object.entries(detected).every(([field, value]) => NOT_COMPARED.has(field) || sameJson(value, current[field] ?? null));
}

function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
