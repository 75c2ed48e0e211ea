import type { InterfaceKind } from '../collected-facts';

/**
 * Short interface names as Cisco and Arista print them in neighbour and MAC tables (`Gi1/0/2`, `Eth1/1`, `Et7`,
 * `Po2`) and the full names their interface tables use, so that an LLDP neighbour or a MAC entry lands on the interface
 * the same report collects. Longest prefix first; the inventory matches names case-insensitively, so one spelling of
 * each (IOS's `Port-channel`, EOS's `Port-Channel`, NX-OS's `port-channel`) does for all. Names already full, and
 * Junos names (`ge-0/0/1`), are left as they are.
 */
const FULL_NAMES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:hundredgige|hu)(?=\d)/i, 'HundredGigE'],
  [/^(?:fortygigabitethernet|fo)(?=\d)/i, 'FortyGigabitEthernet'],
  [/^(?:twentyfivegige|twe)(?=\d)/i, 'TwentyFiveGigE'],
  [/^(?:tengigabitethernet|te)(?=\d)/i, 'TenGigabitEthernet'],
  [/^(?:gigabitethernet|gig|gi)(?=\d)/i, 'GigabitEthernet'],
  [/^(?:fastethernet|fa)(?=\d)/i, 'FastEthernet'],
  [/^(?:ethernet|eth|et)(?=\d)/i, 'Ethernet'],
  [/^(?:port-channel|po)(?=\d)/i, 'Port-channel'],
  [/^(?:loopback|lo)(?=\d)/i, 'Loopback'],
  [/^(?:vlan|vl)(?=\d)/i, 'Vlan'],
  [/^(?:tunnel|tu)(?=\d)/i, 'Tunnel'],
  [/^(?:management|ma)(?=\d)/i, 'Management'],
];

/** The full name of an interface from its short or full form; anything unrecognised unchanged. */
export function fullInterfaceName(name: string): string {
  const trimmed = name.trim();
  for (const [prefix, full] of FULL_NAMES) {
    const match = prefix.exec(trimmed);
    if (match) return full + trimmed.slice(match[0].length);
  }
  return trimmed;
}

/**
 * The inventory's interface type from a (full) name: physical ports are `ethernet`, bundles `lag`, loopbacks
 * `loopback`, and SVIs, tunnels and sub-interfaces (`Gi0/0.100`, Junos units `ge-0/0/0.2036`) `virtual`.
 */
export function interfaceKindOfName(name: string): InterfaceKind {
  const lower = name.toLowerCase();
  if (/^(port-channel|ae\d|bond)/.test(lower)) return 'lag';
  if (/^(loopback|lo\d)/.test(lower)) return 'loopback';
  if (/^(vlan|irb|tunnel|gr-|ip-|nve|bvi|vxlan|lt-|st0)/.test(lower) || /\.\d+$/.test(lower)) return 'virtual';
  if (/^(\w*ethernet|\w*gige|mgmt|management|ge-|xe-|et-|fe-|em\d|fxp\d|me\d)/.test(lower)) return 'ethernet';
  return 'other';
}
