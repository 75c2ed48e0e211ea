import type { Device, Interface, IpNeighbour, LldpNeighbour, MacEntry } from '@yardmaster/contracts';
import type { SnmpRecordTypes } from '@yardmaster/snmp';
import { currentFactsOf, type DeviceInventory } from './current-facts';
import { DETECTORS, type DetectContext } from './detected-facts';
import { diffFacts, factsEntryId } from './diff-facts';

const DEVICE: Device = {
  id: 'dev-1',
  name: 'edge-01',
  siteId: 'site-1',
  roleId: 'role-1',
  platformId: null,
  status: 'active',
  primaryAddress: '192.0.2.10/24',
  oobAddress: null,
  management: null,
  tags: [],
  facts: { vendor: 'Cisco', model: 'WS-C3560G', serial: 'FOC1', osVersion: '12.2', hostname: 'edge-01', uptime: 10, lastCollectedAt: '2026-11-30T00:00:00.000Z' },
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};

const STAMPS = { createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z' };

function storedInterface(id: string, name: string, ifIndex: number, description = ''): Interface {
  return { id, deviceId: DEVICE.id, name, type: 'ethernet', enabled: true, mtu: 1500, speed: 1_000_000, macAddress: null, description, ifIndex, ...STAMPS };
}

function collectedInterface(name: string, ifIndex: number, description: string | null = null): SnmpRecordTypes['interfaces'] {
  return { ifIndex, name, ifDescr: name, type: 'ethernet', ifType: 6, enabled: true, operUp: true, mtu: 1500, speed: 1_000_000, macAddress: null, description };
}

function inventoryOf(parts: Partial<DeviceInventory>): DeviceInventory {
  return { device: DEVICE, interfaces: [], ipAddresses: [], ipNeighbours: [], macEntries: [], lldpNeighbours: [], inventoryItems: [], ...parts };
}

function contextOf(inventory: DeviceInventory, interfaces: readonly SnmpRecordTypes['interfaces'][] = []): DetectContext {
  return {
    deviceId: DEVICE.id,
    interfaceNames: new Map(interfaces.map((record) => [record.ifIndex, record.name])),
    interfaceIds: new Map(inventory.interfaces.map((record) => [record.name.toLowerCase(), record.id])),
  };
}

const REPORT = 'run-1';
const device = { id: DEVICE.id, name: DEVICE.name };

describe('diffFacts', () => {
  it('tells new, changed, confirmed and stale interfaces apart, with current as stored and detected in input shape', () => {
    const inventory = inventoryOf({
      interfaces: [storedInterface('if-1', 'Gi0/1', 1), storedInterface('if-2', 'Gi0/2', 2, 'old uplink'), storedInterface('if-3', 'Gi0/3', 3)],
    });
    const collected = [collectedInterface('Gi0/1', 1), collectedInterface('Gi0/2', 2, 'uplink'), collectedInterface('Gi0/4', 4)];
    const entries = diffFacts({
      reportId: REPORT,
      device,
      collectorType: 'interfaces',
      detected: DETECTORS.interfaces(collected, contextOf(inventory, collected)),
      current: currentFactsOf('interfaces', inventory),
    });
    expect(entries.map((entry) => [entry.key, entry.action, entry.objectId])).toEqual([
      ['Gi0/1', 'confirmed', 'if-1'],
      ['Gi0/2', 'changed', 'if-2'],
      ['Gi0/4', 'new', null],
      ['Gi0/3', 'stale', 'if-3'],
    ]);
    const changed = entries[1];
    expect(changed.detected).toEqual({ deviceId: 'dev-1', name: 'Gi0/2', type: 'ethernet', enabled: true, mtu: 1500, speed: 1_000_000, macAddress: null, description: 'uplink', ifIndex: 2 });
    expect(changed.current).toEqual(inventory.interfaces[1]);
    expect(entries[2].current).toBeNull();
    expect(entries[3].detected).toBeNull();
    expect(entries.every((entry) => entry.deviceName === 'edge-01' && entry.collectorType === 'interfaces' && entry.objectType === 'interface')).toBe(true);
  });

  it('leaves out an MTU the inventory cannot keep (0, or 2^32-1 for no limit), so the interface can be applied', () => {
    const withMtu = (name: string, ifIndex: number, mtu: number | null) => ({ ...collectedInterface(name, ifIndex), mtu });
    const detected = DETECTORS.interfaces([withMtu('dsc', 1, 0), withMtu('lo0', 2, 4_294_967_295), withMtu('ge-0/0/0', 3, 1514), withMtu('lsi', 4, null)], contextOf(inventoryOf({})));
    expect(detected.map((record) => record.detected.mtu)).toEqual([null, null, 1514, null]);
  });

  it('gives ids from the report, device, type and key, the same whatever order the records come in', () => {
    const inventory = inventoryOf({});
    const forward = [collectedInterface('Gi0/1', 1), collectedInterface('Gi0/2', 2)];
    const ids = (records: SnmpRecordTypes['interfaces'][]) =>
      diffFacts({ reportId: REPORT, device, collectorType: 'interfaces', detected: DETECTORS.interfaces(records, contextOf(inventory)), current: [] })
        .map((entry) => entry.id)
        .sort();
    expect(ids(forward)).toEqual(ids([...forward].reverse()));
    expect(ids(forward)).toEqual([factsEntryId(REPORT, 'dev-1', 'interfaces', 'interface', 'Gi0/1'), factsEntryId(REPORT, 'dev-1', 'interfaces', 'interface', 'Gi0/2')]);
    expect(new Set(ids(forward)).size).toBe(2);
  });

  it('counts a key collected twice once', () => {
    const entries = diffFacts({
      reportId: REPORT,
      device,
      collectorType: 'interfaces',
      detected: DETECTORS.interfaces([collectedInterface('Gi0/1', 1), collectedInterface('Gi0/1', 7)], contextOf(inventoryOf({}))),
      current: [],
    });
    expect(entries).toHaveLength(1);
  });

  it('confirms device facts whose uptime alone moved, and reports other differences as changed', () => {
    const facts = (serial: string, uptimeSeconds: number): SnmpRecordTypes['facts'] => ({
      hostname: 'edge-01', sysDescr: null, sysObjectId: null, sysContact: null, sysLocation: null, uptimeSeconds, vendor: 'Cisco', model: 'WS-C3560G', serial, osVersion: '12.2',
    });
    const inventory = inventoryOf({});
    const diff = (serial: string) =>
      diffFacts({ reportId: REPORT, device, collectorType: 'facts', detected: DETECTORS.facts([facts(serial, 99_999)], contextOf(inventory)), current: currentFactsOf('facts', inventory) });
    expect(diff('FOC1')).toEqual([expect.objectContaining({ objectType: 'device', key: 'facts', action: 'confirmed', objectId: 'dev-1' })]);
    expect(diff('FOC2')).toEqual([expect.objectContaining({ action: 'changed', detected: expect.objectContaining({ serial: 'FOC2' }), current: DEVICE.facts })]);
  });

  it('keeps ARP and NDP apart: an IPv6 neighbour is never stale for an ARP collection', () => {
    const neighbour = (id: string, ip: string): IpNeighbour => ({ id, deviceId: DEVICE.id, interfaceId: null, ip, mac: 'aa:bb:cc:dd:ee:01', vrf: '', lastSeen: STAMPS.createdAt, ...STAMPS });
    const inventory = inventoryOf({ ipNeighbours: [neighbour('n-4', '10.0.0.1'), neighbour('n-6', '2001:db8::1')] });
    const entries = diffFacts({ reportId: REPORT, device, collectorType: 'arp', detected: [], current: currentFactsOf('arp', inventory) });
    expect(entries.map((entry) => [entry.key, entry.action])).toEqual([['|10.0.0.1', 'stale']]);
  });

  it('matches LLDP neighbours by local interface name, resolving the stored interface id', () => {
    const inventory = inventoryOf({
      interfaces: [storedInterface('if-1', 'Gi0/1', 1)],
      lldpNeighbours: [
        { id: 'l-1', deviceId: DEVICE.id, interfaceId: 'if-1', protocol: 'lldp', remoteChassisId: '00:11:22:33:44:55', remoteSystemName: 'core-01', remotePort: 'Te1/1', remoteDeviceId: null, remoteInterfaceId: null, ...STAMPS } satisfies LldpNeighbour,
      ],
    });
    const lldp: SnmpRecordTypes['lldp'] = {
      localPortNum: 1, localIfIndex: 1, localInterface: 'Gi0/1', remoteChassisId: '00:11:22:33:44:55', remoteChassisIdSubtype: 4, remotePortId: 'Te1/1', remotePortIdSubtype: 5,
      remotePortDescription: null, remoteSystemName: 'core-01', remoteSystemDescription: null,
    };
    const entries = diffFacts({ reportId: REPORT, device, collectorType: 'lldp', detected: DETECTORS.lldp([lldp], contextOf(inventory)), current: currentFactsOf('lldp', inventory) });
    expect(entries).toEqual([
      expect.objectContaining({ action: 'confirmed', objectId: 'l-1', detected: expect.objectContaining({ interfaceId: 'if-1', interfaceName: 'Gi0/1', protocol: 'lldp' }) }),
    ]);
  });

  it('names the interface of a record whose interface is new in the same report, for the apply to resolve', () => {
    const inventory = inventoryOf({ interfaces: [storedInterface('if-1', 'Gi0/1', 1)] });
    // Gi0/4 is collected in this run, not yet in the inventory; ifIndex 9 is on no interface collected.
    const context = contextOf(inventory, [collectedInterface('Gi0/1', 1), collectedInterface('Gi0/4', 4)]);
    const address = (ip: string, ifIndex: number | null): SnmpRecordTypes['ip_addresses'] => ({ address: `${ip}/24`, ip, prefixLength: 24, family: 4, ifIndex, source: 'ipAddressTable' });
    expect(DETECTORS.ip_addresses([address('10.0.4.1', 4), address('10.0.1.1', 1), address('10.0.9.1', 9), address('10.0.0.1', null)], context).map((record) => record.detected)).toEqual([
      { address: '10.0.4.1/24', vrf: '', status: 'active', interfaceId: null, interfaceName: 'Gi0/4' },
      { address: '10.0.1.1/24', vrf: '', status: 'active', interfaceId: 'if-1', interfaceName: 'Gi0/1' },
      { address: '10.0.9.1/24', vrf: '', status: 'active', interfaceId: null },
      { address: '10.0.0.1/24', vrf: '', status: 'active', interfaceId: null },
    ]);
    const arp: SnmpRecordTypes['arp'] = { ip: '10.0.4.2', family: 4, mac: 'aa:bb:cc:dd:ee:02', ifIndex: 4, type: 'dynamic', source: 'ipNetToPhysicalTable' };
    expect(DETECTORS.arp([arp], context)[0].detected).toMatchObject({ interfaceId: null, interfaceName: 'Gi0/4' });
    const cdp: SnmpRecordTypes['cdp'] = { localIfIndex: 4, remoteDeviceId: 'core-02', remotePort: 'Te1/2', remotePlatform: null, remoteVersion: null, remoteAddress: null };
    expect(DETECTORS.cdp([cdp], context)[0].detected).toMatchObject({ interfaceId: null, interfaceName: 'Gi0/4', protocol: 'cdp' });
    const lldp: SnmpRecordTypes['lldp'] = {
      localPortNum: 4, localIfIndex: 4, localInterface: null, remoteChassisId: '00:11:22:33:44:66', remoteChassisIdSubtype: 4, remotePortId: 'Te1/3', remotePortIdSubtype: 5,
      remotePortDescription: null, remoteSystemName: 'core-03', remoteSystemDescription: null,
    };
    expect(DETECTORS.lldp([lldp], context)[0].detected).toMatchObject({ interfaceId: null, interfaceName: 'Gi0/4', protocol: 'lldp' });
  });

  it('does not count interfaceName as a change: a record on the same interface is confirmed, on another (new) one changed', () => {
    const stored: MacEntry = { id: 'm-1', deviceId: DEVICE.id, interfaceId: 'if-1', vlan: 10, mac: 'aa:bb:cc:dd:ee:01', lastSeen: STAMPS.createdAt, ...STAMPS };
    const inventory = inventoryOf({ interfaces: [storedInterface('if-1', 'Gi0/1', 1)], macEntries: [stored] });
    const context = contextOf(inventory, [collectedInterface('Gi0/1', 1), collectedInterface('Gi0/4', 4)]);
    const learned = (ifIndex: number): SnmpRecordTypes['mac_table'] => ({ mac: stored.mac, fdbId: 10, vlan: 10, bridgePort: ifIndex, ifIndex, status: 'learned', source: 'dot1qTpFdbTable' });
    const diff = (ifIndex: number) =>
      diffFacts({ reportId: REPORT, device, collectorType: 'mac_table', detected: DETECTORS.mac_table([learned(ifIndex)], context), current: currentFactsOf('mac_table', inventory) });
    expect(diff(1)).toEqual([expect.objectContaining({ action: 'confirmed', objectId: 'm-1', detected: expect.objectContaining({ interfaceId: 'if-1', interfaceName: 'Gi0/1' }) })]);
    expect(diff(4)).toEqual([expect.objectContaining({ action: 'changed', objectId: 'm-1', detected: expect.objectContaining({ interfaceId: null, interfaceName: 'Gi0/4' }) })]);
  });

  it('reports BGP peers as new: the inventory keeps none', () => {
    const peer: SnmpRecordTypes['bgp'] = { remoteAddress: '192.0.2.1', remoteAs: 65001, localAddress: null, localAs: 65000, peerIdentifier: null, state: 'established', adminEnabled: true, establishedSeconds: 5 };
    const entries = diffFacts({ reportId: REPORT, device, collectorType: 'bgp', detected: DETECTORS.bgp([peer], contextOf(inventoryOf({}))), current: currentFactsOf('bgp', inventoryOf({})) });
    expect(entries).toEqual([expect.objectContaining({ objectType: 'bgp_peer', key: '192.0.2.1', action: 'new' })]);
  });
});
