import type { FactsEntry, FactsObjectType } from '@yardmaster/contracts';

/** Records others stand on come first: a device's facts, its interfaces, then what sits on an interface. */
const RANK: Readonly<Record<FactsObjectType, number>> = {
  device: 0,
  interface: 1,
  inventory_item: 2,
  ip_address: 3,
  ip_neighbour: 4,
  mac_entry: 5,
  lldp_neighbour: 6,
  bgp_peer: 7,
};

/**
 * The order a report's entries are applied in: stale records first, those standing on others before what they
 * stand on (an LLDP neighbour before its interface, which would take it along), so that a deletion never finds
 * its record gone; then the rest, interfaces before what names them (a new address on a new interface). Within
 * one kind, the order given.
 */
export function applyOrder(entries: readonly FactsEntry[]): FactsEntry[] {
  const stale = entries.filter((entry) => entry.action === 'stale');
  const rest = entries.filter((entry) => entry.action !== 'stale');
  const byRank = (direction: 1 | -1) => (a: FactsEntry, b: FactsEntry) => direction * (RANK[a.objectType] - RANK[b.objectType]);
  // Array.prototype.sort is stable: entries of one kind keep the order given.
  return [...stale.sort(byRank(-1)), ...rest.sort(byRank(1))];
}
