import { OwnSnmpSimulator } from '@yardmaster/testing-core';
import { COLLECTED_SUBTREES, openSnmpSession, runCollector, type SnmpCollectorType, type SnmpRecordTypes } from './index';

// Exact values the snmpsim-data 1.0.1 recordings of real devices hold, collected over SNMPv2c (community = recording).
const C3560 = 'network/switch/cisco-c3560';
const N5000 = 'network/switch/cisco-n5000';
const PROCURVE = 'network/switch/hpe-procurve-516733-b21';
const MX960 = 'network/router/juniper-mx960-13-3r9-13';

jest.setTimeout(120_000);

let simulator: OwnSnmpSimulator;

beforeAll(async () => {
  simulator = await OwnSnmpSimulator.start({ recordings: [C3560, N5000, PROCURVE, MX960], subtrees: COLLECTED_SUBTREES });
}, 1_800_000); // The index lock may be held by a simulator of another test file that indexes all recordings.

afterAll(() => simulator?.dispose());

async function collect<T extends SnmpCollectorType>(recording: string, type: T) {
  const session = openSnmpSession({ host: simulator.host, port: simulator.port, credentials: { version: 'v2c', community: simulator.communityFor(recording) }, timeoutMs: 10_000 });
  try {
    return await runCollector(session, type);
  } finally {
    session.close();
  }
}

const interfaceNamed = (records: SnmpRecordTypes['interfaces'][], name: string) => records.find((record) => record.name === name);

describe('Cisco Catalyst 3560 (IOS 12.2)', () => {
  it('reads the system group and the ENTITY-MIB chassis', async () => {
    const { records, warnings } = await collect(C3560, 'facts');
    expect(warnings).toEqual([]);
    expect(records).toEqual([
      expect.objectContaining({
        hostname: 'DUMSYS-04',
        sysObjectId: '1.3.6.1.4.1.9.1.617',
        vendor: 'Cisco',
        model: 'WS-C3560G-48TS-E',
        serial: 'FOC1408Z61U',
        osVersion: '12.2(55)SE3',
        uptimeSeconds: 4924464,
      }),
    ]);
    expect(records[0].sysDescr).toMatch(/^Cisco IOS Software, C3560 Software \(C3560-IPSERVICESK9-M\), Version 12\.2\(55\)SE3/);
  });

  it('reads interfaces with short names, types, MACs and speeds', async () => {
    const { records, warnings } = await collect(C3560, 'interfaces');
    expect(warnings).toEqual([]);
    expect(records).toHaveLength(57);
    expect(interfaceNamed(records, 'Vl2')).toEqual({
      ifIndex: 2, name: 'Vl2', ifDescr: 'Vlan2', type: 'virtual', ifType: 53, enabled: true, operUp: true, mtu: 1500, speed: 1_000_000, macAddress: 'e8:04:62:78:f2:41', description: null,
    });
    expect(interfaceNamed(records, 'Nu0')).toMatchObject({ ifIndex: 10501, type: 'other', macAddress: null });
  });

  it('reads IPv4 addresses from ipAddrTable and IPv6 ones from ipAddressTable, link-local as /64', async () => {
    const { records, warnings } = await collect(C3560, 'ip_addresses');
    expect(warnings).toEqual([]);
    expect(records.map((record) => `${record.address}@${record.ifIndex}`).sort()).toEqual([
      '10.1.100.148/24@2',
      '10.110.148.1/24@3',
      '2001:da8:215:100::148/64@2',
      '2001:da8:215:1148::1/64@3',
      'fe80::ea04:62ff:fe78:f241/64@2',
      'fe80::ea04:62ff:fe78:f242/64@3',
    ]);
  });

  it('reads ARP from ipNetToMediaTable and NDP from ipNetToPhysicalTable', async () => {
    const arp = await collect(C3560, 'arp');
    expect(arp.records).toHaveLength(15);
    expect(arp.records).toContainEqual({ ifIndex: 2, ip: '10.1.100.1', family: 4, mac: '00:0f:e2:6a:1e:44', type: 'dynamic', source: 'ipNetToMediaTable' });
    expect(arp.records).toContainEqual({ ifIndex: 2, ip: '10.1.100.148', family: 4, mac: 'e8:04:62:78:f2:41', type: 'static', source: 'ipNetToMediaTable' });
    const ndp = await collect(C3560, 'ndp');
    expect(ndp.records).toHaveLength(21);
    expect(ndp.records).toContainEqual({ ifIndex: 2, ip: 'fe80::20f:e2ff:fe6a:1e44', family: 6, mac: '00:0f:e2:6a:1e:44', type: 'dynamic', source: 'ipNetToPhysicalTable' });
  });

  it('reads CDP neighbours and reports LLDP as missing', async () => {
    const cdp = await collect(C3560, 'cdp');
    expect(cdp.records).toHaveLength(9);
    expect(cdp.records).toContainEqual(
      expect.objectContaining({ localIfIndex: 10149, remoteDeviceId: 'OLD-ShiTang-WIRELESS', remotePort: 'GigabitEthernet0/2', remotePlatform: 'cisco WS-C3560-24PS', remoteAddress: '10.1.100.181' }),
    );
    const lldp = await collect(C3560, 'lldp');
    expect(lldp).toEqual({ records: [], warnings: [expect.objectContaining({ code: 'MIB_MISSING', collector: 'lldp' })] });
  });

  it('reads the ENTITY-MIB inventory', async () => {
    const { records } = await collect(C3560, 'inventory');
    expect(records).toHaveLength(61);
    expect(records[0]).toEqual({
      entPhysicalIndex: 1001, name: '1', class: 'chassis', description: 'WS-C3560G-48TS', partId: 'WS-C3560G-48TS-E', serial: 'FOC1408Z61U', manufacturer: null,
      hardwareRev: 'V05', firmwareRev: '12.2(55)SE3', softwareRev: '12.2(55)SE3', containedIn: 0, isFru: false,
    });
  });
});

describe('Cisco Nexus 5548 (NX-OS 6.0)', () => {
  it('reads the chassis serial and model', async () => {
    const { records } = await collect(N5000, 'facts');
    expect(records[0]).toMatchObject({ hostname: 'DUMSYS-52', vendor: 'Cisco Systems, Inc.', model: 'N5K-C5548UP', serial: 'SSI183706KP', sysLocation: 'snmplocation', sysContact: 'who@where' });
  });

  it('reads interfaces with their descriptions (ifAlias)', async () => {
    const { records } = await collect(N5000, 'interfaces');
    expect(records).toHaveLength(61);
    expect(interfaceNamed(records, 'Ethernet1/1')).toEqual({
      ifIndex: 436207616, name: 'Ethernet1/1', ifDescr: 'Ethernet1/1', type: 'ethernet', ifType: 6, enabled: true, operUp: true, mtu: 1500, speed: 10_000_000, macAddress: '8c:60:4f:19:16:28', description: 'H3C-1:25',
    });
    expect(interfaceNamed(records, 'mgmt0')).toMatchObject({ ifIndex: 83886080, macAddress: '8c:60:4f:19:16:21', speed: 1_000_000 });
  });

  it('reads 30 addresses and 513 ARP entries', async () => {
    const addresses = await collect(N5000, 'ip_addresses');
    expect(addresses.records).toHaveLength(30);
    expect(addresses.records).toContainEqual({ address: '10.40.1.253/24', ip: '10.40.1.253', prefixLength: 24, family: 4, ifIndex: 151060550, source: 'ipAddressTable' });
    const arp = await collect(N5000, 'arp');
    expect(arp.records).toHaveLength(513);
    expect(arp.records).toContainEqual({ ifIndex: 151060530, ip: '222.24.192.3', family: 4, mac: '00:50:56:93:22:64', type: 'dynamic', source: 'ipNetToPhysicalTable' });
  });

  it('reads LLDP neighbours with the local port resolved to its interface', async () => {
    const { records, warnings } = await collect(N5000, 'lldp');
    expect(warnings).toEqual([]);
    expect(records).toHaveLength(9);
    expect(records).toContainEqual({
      localPortNum: 436207616, localIfIndex: 436207616, localInterface: 'Ethernet1/1',
      remoteChassisId: '58:6a:b1:4f:3d:91', remoteChassisIdSubtype: 4,
      // The recording holds the port id cut at 16 characters, as the device sent it.
      remotePortId: 'Ten-GigabitEther', remotePortIdSubtype: 5, remotePortDescription: 'Ten-GigabitEthernet1/0/49 Interface',
      remoteSystemName: 'H3C-1', remoteSystemDescription: expect.stringContaining('H3C Comware Platform Software, Software Version 5.20, Release 1808P12'),
    });
  });

  it('reads CDP neighbours', async () => {
    const { records } = await collect(N5000, 'cdp');
    expect(records).toHaveLength(5);
    expect(records).toContainEqual(expect.objectContaining({ localIfIndex: 83886080, remoteDeviceId: 'NWPU-CA-5548-02(SSI183706KA)', remotePort: 'mgmt0', remoteAddress: '10.40.1.20' }));
  });
});

describe('HPE ProCurve 6120XG blade switch', () => {
  it('reads the chassis and loopbacks', async () => {
    const facts = await collect(PROCURVE, 'facts');
    expect(facts.records[0]).toMatchObject({ hostname: 'DUMSYS-64', vendor: 'Hewlett-Packard', model: '516733-B21', serial: '3C421900TX', osVersion: 'Z.14.31' });
    const interfaces = await collect(PROCURVE, 'interfaces');
    expect(interfaces.records).toHaveLength(42);
    expect(interfaceNamed(interfaces.records, '1')).toMatchObject({ ifIndex: 1, type: 'ethernet', macAddress: 'ac:16:2d:92:7d:3f', speed: 10_000_000 });
    expect(interfaceNamed(interfaces.records, 'lo0')).toMatchObject({ ifIndex: 4170, type: 'loopback', mtu: 65535, macAddress: null, description: 'lo0' });
  });

  it('reads the Q-BRIDGE forwarding table with bridge ports mapped to interfaces, and reports its broken row', async () => {
    const { records, warnings } = await collect(PROCURVE, 'mac_table');
    expect(records).toHaveLength(285);
    expect(records).toContainEqual({ mac: '00:00:0c:07:ac:32', fdbId: 2, vlan: 2, bridgePort: 17, ifIndex: 17, status: 'learned', source: 'dot1qTpFdbTable' });
    // The recording has a row (fdb 6, e8:39:35:1a:ca:98) with a status and no port.
    expect(warnings).toEqual([expect.objectContaining({ code: 'BAD_VALUE', message: expect.stringContaining('6.232.57.53.26.202.152') })]);
  });

  it('reads LLDP neighbours identified by MAC, and CDP ids sent as raw MACs', async () => {
    const lldp = await collect(PROCURVE, 'lldp');
    expect(lldp.records).toHaveLength(5);
    expect(lldp.records).toContainEqual(expect.objectContaining({ localPortNum: 8, localIfIndex: 8, localInterface: '8', remoteChassisId: 'e8:39:35:1a:ca:99', remotePortId: 'e8:39:35:1a:ca:99', remotePortIdSubtype: 3 }));
    const cdp = await collect(PROCURVE, 'cdp');
    expect(cdp.records).toContainEqual(expect.objectContaining({ localIfIndex: 8, remoteDeviceId: 'e8:39:35:1a:ca:99', remotePlatform: 'Emulex OneConnect 10Gb Multi function Adapter' }));
  });

  it('reads the inventory with per-port serials', async () => {
    const { records } = await collect(PROCURVE, 'inventory');
    expect(records).toHaveLength(27);
    expect(records).toContainEqual(expect.objectContaining({ entPhysicalIndex: 30, name: 'Port 17', class: 'port', partId: '455885', serial: 'ANK0CKL', containedIn: 13 }));
  });
});

describe('Juniper MX960 (Junos 13.3)', () => {
  it('takes model and serial from JUNIPER-MIB, having no ENTITY-MIB', async () => {
    const facts = await collect(MX960, 'facts');
    expect(facts.records[0]).toMatchObject({ hostname: 'DUMSYS-19', vendor: 'Juniper Networks', model: 'Juniper MX960 Internet Backbone Router', serial: 'JN12002C1AFA', sysLocation: 'CA-IDC' });
    const inventory = await collect(MX960, 'inventory');
    expect(inventory).toEqual({ records: [], warnings: [expect.objectContaining({ code: 'MIB_MISSING' })] });
  });

  it('reads interfaces and LLDP neighbours whose port number is the ifIndex', async () => {
    const interfaces = await collect(MX960, 'interfaces');
    expect(interfaces.records).toHaveLength(61);
    expect(interfaceNamed(interfaces.records, 'ge-1/0/1')).toMatchObject({ ifIndex: 566, type: 'ethernet', macAddress: 'a8:d0:e5:f5:a8:a6', description: 'SNNU-CA-JiJianchu-GongAnChu', speed: 1_000_000 });
    expect(interfaceNamed(interfaces.records, 'lo0')).toMatchObject({ ifIndex: 6, type: 'loopback' });
    const lldp = await collect(MX960, 'lldp');
    expect(lldp.records).toHaveLength(6);
    expect(lldp.records).toContainEqual(expect.objectContaining({ localPortNum: 606, localIfIndex: 606, localInterface: 'ge-0/1/0', remoteChassisId: '38:22:d6:b3:31:b5', remotePortId: 'GigabitEthernet1/1/1', remoteSystemName: 'DCGL-S5800' }));
  });

  it('gives Junos forwarding databases no VLAN and reports the IP-MIB tables it lacks', async () => {
    const macs = await collect(MX960, 'mac_table');
    expect(macs.records).toHaveLength(7);
    expect(macs.records).toContainEqual({ mac: '00:0f:e2:07:f2:e0', fdbId: 131072, vlan: null, bridgePort: 15, ifIndex: null, status: 'learned', source: 'dot1qTpFdbTable' });
    const addresses = await collect(MX960, 'ip_addresses');
    expect(addresses).toEqual({ records: [], warnings: [expect.objectContaining({ code: 'MIB_MISSING' })] });
  });
});
