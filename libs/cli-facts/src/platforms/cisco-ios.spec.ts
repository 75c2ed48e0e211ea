import { CISCO_IOS } from './cisco-ios';

// Records as ntc-templates 9.2.0 parses IOS output (field names and values from its cisco_ios test fixtures).
describe('cisco_ios', () => {
  const { collectors } = CISCO_IOS;

  it('reads facts from show version', () => {
    const version = {
      hostname: 'router1',
      version: '12.2(54)SG1',
      hardware: ['WS-C4948E'],
      serial: ['CAT1451S15C'],
      uptime: '2 years, 31 weeks, 6 days, 9 hours, 55 minutes',
      mac_address: [],
    };
    expect(collectors.facts.commands).toEqual(['show version']);
    expect(collectors.facts.map([[version]])).toEqual({
      records: [{ hostname: 'router1', vendor: 'Cisco', model: 'WS-C4948E', serial: 'CAT1451S15C', osVersion: '12.2(54)SG1', uptimeSeconds: 2 * 31_536_000 + 31 * 604_800 + 6 * 86_400 + 9 * 3_600 + 55 * 60 }],
      warnings: [],
    });
  });

  it('reads no facts from an empty answer', () => expect(collectors.facts.map([[]]).records).toEqual([]));

  it('reads interfaces: admin state, line protocol, MTU, bandwidth, MAC', () => {
    const rows = [
      { interface: 'GigabitEthernet0/1', link_status: 'up', protocol_status: 'up (connected)', hardware_type: 'iGbE', mac_address: 'fa16.3e4f.41cc', bia: 'fa16.3e4f.41cc', description: 'to iosvl2-2', mtu: '1500', bandwidth: '1000000 Kbit' },
      { interface: 'GigabitEthernet0/2', link_status: 'administratively down', protocol_status: 'down', mac_address: '', bia: 'fa16.3e00.0002', description: '', mtu: '1500', bandwidth: '1000000 Kbit' },
      { interface: 'Vlan1', link_status: 'up', protocol_status: 'down', mac_address: '', description: '', mtu: '1500', bandwidth: '' },
    ];
    expect(collectors.interfaces.map([rows]).records).toEqual([
      { name: 'GigabitEthernet0/1', type: 'ethernet', enabled: true, operUp: true, mtu: 1500, speed: 1_000_000, macAddress: 'fa:16:3e:4f:41:cc', description: 'to iosvl2-2' },
      { name: 'GigabitEthernet0/2', type: 'ethernet', enabled: false, operUp: false, mtu: 1500, speed: 1_000_000, macAddress: 'fa:16:3e:00:00:02', description: '' },
      { name: 'Vlan1', type: 'virtual', enabled: true, operUp: false, mtu: 1500, speed: null, macAddress: null, description: '' },
    ]);
  });

  it('reads every address of show ip interface, secondaries included, and warns of one without a prefix', () => {
    const rows = [
      { interface: 'GigabitEthernet0/0', ip_address: ['10.0.0.1', '10.0.1.1'], prefix_length: ['24', '25'], vrf: '' },
      { interface: 'GigabitEthernet0/1', ip_address: [], prefix_length: [], vrf: '' },
      { interface: 'Loopback0', ip_address: ['192.0.2.1'], prefix_length: ['32'], vrf: 'MGMT' },
      { interface: 'Tunnel0', ip_address: ['198.51.100.1'], prefix_length: [], vrf: '' },
    ];
    const { records, warnings } = collectors.ip_addresses.map([rows]);
    expect(records).toEqual([
      { address: '10.0.0.1/24', interfaceName: 'GigabitEthernet0/0', vrf: '' },
      { address: '10.0.1.1/25', interfaceName: 'GigabitEthernet0/0', vrf: '' },
      { address: '192.0.2.1/32', interfaceName: 'Loopback0', vrf: 'MGMT' },
    ]);
    expect(warnings).toEqual([{ code: 'BAD_VALUE', collector: 'ip_addresses', message: 'Tunnel0: not an address with a prefix length: 198.51.100.1/?' }]);
  });

  it('reads ARP neighbours, leaving out the router\'s own addresses and incomplete entries', () => {
    const rows = [
      { protocol: 'Internet', ip_address: '172.16.233.229', age: '-', mac_address: '0000.0c59.f892', type: 'ARPA', interface: 'Ethernet0/0' },
      { protocol: 'Internet', ip_address: '172.16.233.218', age: '5', mac_address: '0000.0c07.ac00', type: 'ARPA', interface: 'Ethernet0/0' },
      { protocol: 'Internet', ip_address: '172.16.233.219', age: '0', mac_address: 'Incomplete', type: 'ARPA', interface: '' },
    ];
    expect(collectors.arp.map([rows]).records).toEqual([{ ip: '172.16.233.218', mac: '00:00:0c:07:ac:00', interfaceName: 'Ethernet0/0', vrf: '' }]);
  });

  it('reads LLDP neighbours on their local port by its full name', () => {
    const rows = [{ local_interface: 'Gi1/0/2', chassis_id: '7c25.86c9.aaaa', neighbor_port_id: '502', neighbor_interface: 'ge-0/0/0.0', neighbor_name: '' }];
    expect(collectors.lldp.map([rows]).records).toEqual([{ localInterface: 'GigabitEthernet1/0/2', remoteChassisId: '7c:25:86:c9:aa:aa', remoteSystemName: null, remotePort: '502' }]);
  });

  it('reads the MAC table: dynamic entries are learned, the CPU\'s are on no port', () => {
    const rows = [
      { destination_address: '0010.0de0.e289', type: 'Dynamic', vlan_id: '1', destination_port: ['FastEthernet0/1'] },
      { destination_address: '0100.0ccc.cccc', type: 'STATIC', vlan_id: 'All', destination_port: ['CPU'] },
      { destination_address: 'not-a-mac', type: 'DYNAMIC', vlan_id: '1', destination_port: ['Fa0/2'] },
    ];
    const { records, warnings } = collectors.mac_table.map([rows]);
    expect(records).toEqual([
      { mac: '00:10:0d:e0:e2:89', vlan: 1, interfaceName: 'FastEthernet0/1', learned: true },
      { mac: '01:00:0c:cc:cc:cc', vlan: null, interfaceName: null, learned: false },
    ]);
    expect(warnings).toHaveLength(1);
  });

  it('reads show inventory, names made unique', () => {
    const rows = [
      { name: '3640 chassis', descr: '3640 chassis', pid: '', vid: '0xFF', sn: 'FF1045C5' },
      { name: 'One port Fastethernet', descr: 'One port Fastethernet', pid: 'NM-1FE', vid: '', sn: 'A1' },
      { name: 'One port Fastethernet', descr: 'One port Fastethernet', pid: 'NM-1FE', vid: '', sn: 'A2' },
    ];
    expect(collectors.inventory.map([rows]).records.map((item) => [item.name, item.partId, item.serial, item.hardwareVersion])).toEqual([
      ['3640 chassis', '', 'FF1045C5', '0xFF'],
      ['One port Fastethernet', 'NM-1FE', 'A1', ''],
      ['One port Fastethernet (2)', 'NM-1FE', 'A2', ''],
    ]);
  });
});
