/** The inventory's interface types (issue 13). */
export type InterfaceKind = 'ethernet' | 'lag' | 'virtual' | 'loopback' | 'other';

/** IANAifType numbers by kind; anything not listed is `other` (serial, ATM, SONET, Fibre Channel, wireless, …). */
const KINDS: Record<number, InterfaceKind> = {
  6: 'ethernet', // ethernetCsmacd
  7: 'ethernet', // iso88023Csmacd
  26: 'ethernet', // ethernet3Mbit
  62: 'ethernet', // fastEther
  69: 'ethernet', // fastEtherFX
  117: 'ethernet', // gigabitEthernet
  161: 'lag', // ieee8023adLag
  24: 'loopback', // softwareLoopback
  53: 'virtual', // propVirtual (VLAN interfaces, Junos logical units)
  131: 'virtual', // tunnel
  135: 'virtual', // l2vlan
  136: 'virtual', // l3ipvlan
  137: 'virtual', // l3ipxvlan
  150: 'virtual', // mplsTunnel
  166: 'virtual', // mpls
  209: 'virtual', // bridge
  258: 'virtual', // vmwareVirtualNic
};

export function interfaceKindOf(ifType: number | null): InterfaceKind {
  return ifType === null ? 'other' : (KINDS[ifType] ?? 'other');
}
