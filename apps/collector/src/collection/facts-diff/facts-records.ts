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
