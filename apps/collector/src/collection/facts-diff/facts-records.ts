import type { FactsObjectType, JsonObject } from '@yardmaster/contracts';

/** A record as collected, in the inventory model's input shape, under the key that finds it in the inventory. */
export interface DetectedRecord {
  readonly objectType: FactsObjectType;
  readonly key: string;
  readonly detected: JsonObject;
}

/** A record as the inventory holds it, under the same key. */
export interface CurrentRecord {
  readonly objectType: FactsObjectType;
  readonly key: string;
  readonly id: string;
  readonly current: JsonObject;
}

/** Keys shared by what is collected and what is stored, so the two meet. */
export const factsKeys = {
  ipAddress: (vrf: string, address: string) => `${vrf}|${address.split('/')[0]}`,
  ipNeighbour: (vrf: string, ip: string) => `${vrf}|${ip}`,
  macEntry: (vlan: number | null, mac: string) => `${vlan ?? ''}|${mac}`,
  neighbour: (protocol: string, interfaceName: string, remoteChassisId: string) => `${protocol}|${interfaceName}|${remoteChassisId}`,
};

export function asJson(record: object): JsonObject {
  return record as unknown as JsonObject;
}

/** The inventory keeps MTUs of 1 to 65536: agents say 0 for an interface without one and 2^32-1 (Junos' lo0) for no limit. */
const MTU_RANGE = { min: 1, max: 65_536 };

/** A collected MTU as the inventory keeps it, or null. */
export function mtuOf(mtu: number | null): number | null {
  return mtu !== null && Number.isInteger(mtu) && mtu >= MTU_RANGE.min && mtu <= MTU_RANGE.max ? mtu : null;
}
