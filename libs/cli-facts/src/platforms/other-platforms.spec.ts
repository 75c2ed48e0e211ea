import { cliPlatformOf, CLI_PLATFORM_DRIVERS } from './cli-platforms';
import { ARISTA_EOS } from './arista-eos';
import { CISCO_NXOS } from './cisco-nxos';
import { JUNIPER_JUNOS } from './juniper-junos';

// Records as ntc-templates 9.2.0 parses each platform's output (field names and values from its test fixtures).
describe('the platforms', () => {
  it('are found by network driver', () => {
    expect(CLI_PLATFORM_DRIVERS).toEqual(['cisco_ios', 'cisco_nxos', 'arista_eos', 'juniper_junos']);
    expect(cliPlatformOf('arista_eos')).toBe(ARISTA_EOS);
    expect(cliPlatformOf('huawei_vrp')).toBeNull();
    expect(cliPlatformOf(null)).toBeNull();
  });

  it('name every collector type with at least one command', () => {
    for (const driver of CLI_PLATFORM_DRIVERS) {
      for (const collector of Object.values(cliPlatformOf(driver)!.collectors)) expect(collector.commands.length).toBeGreaterThan(0);
    }
  });
});

describe('cisco_nxos', () => {
  const { collectors } = CISCO_NXOS;

  it('reads facts', () => {
    const version = { hostname: 'N9K1', os: '6.1(2)I3(1)', platform: 'C9396PX', serial: 'SAL1819S6LU', uptime: '123 day(s), 5 hour(s), 15 minute(s), 19 second(s)' };
    expect(collectors.facts.map([[version]]).records).toEqual([
      { hostname: 'N9K1', vendor: 'Cisco', model: 'C9396PX', serial: 'SAL1819S6LU', osVersion: '6.1(2)I3(1)', uptimeSeconds: 123 * 86_400 + 5 * 3_600 + 15 * 60 + 19 },
    ]);
  });

  it('reads admin state in its three spellings', () => {
    const rows = [
      { interface: 'Vlan20', admin_state: 'down', link_status: 'down (VLAN/BD is down)', mac_address: '5087.89a1.d8d5', mtu: '1500', bandwidth: '1000000 Kbit', description: '' },
      { interface: 'mgmt0', admin_state: 'up', link_status: 'up', mac_address: '5087.89a1.d8ce', mtu: '1500', bandwidth: '100000 Kbit', description: 'out of band mgmt interface' },
      { interface: 'Ethernet1/2', admin_state: '', link_status: 'down (Administratively down)', mac_address: '', bia: '', mtu: '9216', bandwidth: '10000000 Kbit', description: '' },
    ];
    expect(collectors.interfaces.map([rows]).records.map(({ name, type, enabled, operUp, speed }) => ({ name, type, enabled, operUp, speed }))).toEqual([
      { name: 'Vlan20', type: 'virtual', enabled: false, operUp: false, speed: 1_000_000 },
      { name: 'mgmt0', type: 'ethernet', enabled: true, operUp: true, speed: 100_000 },
      { name: 'Ethernet1/2', type: 'ethernet', enabled: false, operUp: false, speed: 10_000_000 },
    ]);
  });

  it('reads primary and secondary addresses with their subnets\' prefix lengths, per VRF', () => {
    const rows = [
      { interface: 'Ethernet1/1', ip_address: '192.168.101.203', subnet: '192.168.101.0/24', secondary_ip_address: ['10.9.9.1'], secondary_ip_subnet: ['10.9.9.0/30'], vrf: 'default' },
      { interface: 'mgmt0', ip_address: '10.100.0.26', subnet: '10.100.0.0/24', vrf: 'management' },
    ];
    expect(collectors.ip_addresses.map([rows]).records).toEqual([
      { address: '192.168.101.203/24', interfaceName: 'Ethernet1/1', vrf: '' },
      { address: '10.9.9.1/30', interfaceName: 'Ethernet1/1', vrf: '' },
      { address: '10.100.0.26/24', interfaceName: 'mgmt0', vrf: 'management' },
    ]);
  });

  it('reads the MAC table, the supervisor\'s entries on no port', () => {
    const rows = [
      { mac_address: '5087.89a1.de75', vlan_id: '100', type: 'static', ports: 'sup-eth1(R)' },
      { mac_address: '0050.5683.2cf1', vlan_id: '100', type: 'dynamic', ports: 'Eth1/41' },
    ];
    expect(collectors.mac_table.map([rows]).records).toEqual([
      { mac: '50:87:89:a1:de:75', vlan: 100, interfaceName: null, learned: false },
      { mac: '00:50:56:83:2c:f1', vlan: 100, interfaceName: 'Ethernet1/41', learned: true },
    ]);
  });

  it('reads LLDP neighbours by their port id', () => {
    const rows = [{ local_interface: 'mgmt0', chassis_id: '0014.1c57.a48b', neighbor_name: 'Switch.cisco.com', neighbor_interface: 'Fa1/0/9' }];
    expect(collectors.lldp.map([rows]).records).toEqual([{ localInterface: 'mgmt0', remoteChassisId: '00:14:1c:57:a4:8b', remoteSystemName: 'Switch.cisco.com', remotePort: 'Fa1/0/9' }]);
  });
});

describe('arista_eos', () => {
  const { collectors } = ARISTA_EOS;

  it('reads facts from show version and the host name from show hostname', () => {
    expect(collectors.facts.commands).toEqual(['show version', 'show hostname']);
    const version = { model: 'vEOS', serial_number: '', image: '4.14.7M', uptime: '1 hour and 5 minutes', sys_mac: '2803.829a.1347' };
    expect(collectors.facts.map([[version], [{ hostname: 'spine1', fqdn: 'spine1.company.com' }]]).records).toEqual([
      { hostname: 'spine1', vendor: 'Arista', model: 'vEOS', serial: null, osVersion: '4.14.7M', uptimeSeconds: 3_900 },
    ]);
  });

  it('reads interfaces and their addresses', () => {
    const rows = [
      { interface: 'Ethernet1', link_status: 'up', protocol_status: 'up (connected)', mac_address: '0800.27dc.5443', mtu: '1500', bandwidth: '10000000 kbit', description: '' },
      { interface: 'Ethernet2', link_status: 'administratively down', protocol_status: 'notpresent (disabled)', mac_address: '', mtu: '9214', bandwidth: '', description: 'spare' },
    ];
    expect(collectors.interfaces.map([rows]).records.map(({ name, enabled, operUp, macAddress }) => ({ name, enabled, operUp, macAddress }))).toEqual([
      { name: 'Ethernet1', enabled: true, operUp: true, macAddress: '08:00:27:dc:54:43' },
      { name: 'Ethernet2', enabled: false, operUp: false, macAddress: null },
    ]);
    const brief = [
      { interface: 'Loopback0', ip_address: '1.1.1.1/32', status: 'up', protocol: 'up', mtu: '65535' },
      { interface: 'Ethernet3', ip_address: 'unassigned', status: 'up', protocol: 'up', mtu: '1500' },
    ];
    expect(collectors.ip_addresses.map([brief]).records).toEqual([{ address: '1.1.1.1/32', interfaceName: 'Loopback0', vrf: '' }]);
  });

  it('puts an ARP entry on its SVI, not the port behind it', () => {
    const rows = [{ ip_address: '172.25.0.2', mac_address: '004c.6211.021e', interface: 'Vlan101, Port-Channel2', age: '0', vrf: '' }];
    expect(collectors.arp.map([rows]).records).toEqual([{ ip: '172.25.0.2', mac: '00:4c:62:11:02:1e', interfaceName: 'Vlan101', vrf: '' }]);
  });

  it('names inventory items by model and slot', () => {
    const rows = [
      { descr: '52-port SFP+ 10GigE 1RU + Clock', pid: 'DCS-7150S-52-CL', port: '', sn: 'JPE13120702', vid: '02.00' },
      { descr: '', pid: 'PWR-460AC-F', port: '1', sn: 'K192KU00241CZ', vid: '' },
    ];
    expect(collectors.inventory.map([rows]).records.map((item) => item.name)).toEqual(['DCS-7150S-52-CL', 'PWR-460AC-F 1']);
  });
});

describe('juniper_junos', () => {
  const { collectors } = JUNIPER_JUNOS;

  it('reads facts, the uptime from show system uptime', () => {
    const version = { hostname: 'lab', model: 'mx240', junos_version: '13.3R1.4', serial_number: 'qfsn-0123456789' };
    const uptime = { time: '08:48:11', year: '2021', month: '08', day: '31', boot_time: '13:32:05', boot_year: '2021', boot_month: '03', boot_day: '29' };
    const [facts] = collectors.facts.map([[version], [uptime]]).records;
    expect(facts).toEqual({ hostname: 'lab', vendor: 'Juniper', model: 'mx240', serial: 'qfsn-0123456789', osVersion: '13.3R1.4', uptimeSeconds: expect.any(Number) });
    // 29 March 13:32:05 to 31 August 08:48:11: 154 days, 19 h 16 min 6 s.
    expect(facts.uptimeSeconds).toBe(154 * 86_400 + 19 * 3_600 + 16 * 60 + 6);
  });

  it('reads physical interfaces and logical units, and the units\' addresses', () => {
    const rows = [
      { interface: 'ge-0/0/0', admin_state: 'Enabled', link_status: 'Up', mtu: '1514', description: 'Test', local: '', destination: '' },
      { interface: 'ge-0/0/0.2036', admin_state: '', link_status: 'Up', mtu: '1500', description: '', local: '10.10.199.180', destination: '10.10.199.176/29' },
      { interface: 'lo0.0', admin_state: '', link_status: 'Up', mtu: 'Unlimited', description: '', local: '192.0.2.9', destination: '' },
    ];
    expect(collectors.interfaces.map([rows]).records.map(({ name, type, enabled, operUp, mtu }) => ({ name, type, enabled, operUp, mtu }))).toEqual([
      { name: 'ge-0/0/0', type: 'ethernet', enabled: true, operUp: true, mtu: 1514 },
      { name: 'ge-0/0/0.2036', type: 'virtual', enabled: true, operUp: true, mtu: 1500 },
      { name: 'lo0.0', type: 'loopback', enabled: true, operUp: true, mtu: null },
    ]);
    expect(collectors.ip_addresses.map([rows]).records).toEqual([
      { address: '10.10.199.180/29', interfaceName: 'ge-0/0/0.2036', vrf: '' },
      { address: '192.0.2.9/32', interfaceName: 'lo0.0', vrf: '' },
    ]);
  });

  it('reads the switching table: D is learned', () => {
    const rows = [
      { mac_address: 'bc:ac:0a:ca:ca:30', vlan_id: '2', logical_interface: 'ae3.0', mac_flag: 'DR', age: '-' },
      { mac_address: '00:00:5e:00:01:01', vlan_id: '', logical_interface: 'irb.100', mac_flag: 'S', age: '-' },
    ];
    expect(collectors.mac_table.map([rows]).records).toEqual([
      { mac: 'bc:ac:0a:ca:ca:30', vlan: 2, interfaceName: 'ae3.0', learned: true },
      { mac: '00:00:5e:00:01:01', vlan: null, interfaceName: 'irb.100', learned: false },
    ]);
  });

  it('names chassis hardware by kind and number', () => {
    const rows = [
      { chassis_description: 'MX10-T', chassis_serial_number: 'A1111' },
      { mid_description: 'MX10-T', mid_part: '711-038213', mid_serial_number: 'XXXX2118', mid_version: 'REV 08' },
      { ps_description: 'AC Power Entry Module', ps_number: '0', ps_part: '740-028288', ps_serial_number: 'AJ00000', ps_version: 'Rev 05' },
      { pic_number: '0', pic_description: '10x 1GE SFP' },
      { pic_number: '0', pic_description: '10x 1GE SFP' },
    ];
    expect(collectors.inventory.map([rows]).records.map(({ name, partId, serial }) => [name, partId, serial])).toEqual([
      ['Chassis', '', 'A1111'],
      ['Midplane', '711-038213', 'XXXX2118'],
      ['Power Supply 0', '740-028288', 'AJ00000'],
      ['PIC 0', '', ''],
      ['PIC 0 (2)', '', ''],
    ]);
  });

  it('reads LLDP neighbours', () => {
    const rows = [{ local_interface: 'ge-0/0/1', parent_interface: '-', chassis_id: '2c:6b:f5:a1:c2:c0', neighbor_interface: 'ge-0/0/1', neighbor_name: 'vmx2' }];
    expect(collectors.lldp.map([rows]).records).toEqual([{ localInterface: 'ge-0/0/1', remoteChassisId: '2c:6b:f5:a1:c2:c0', remoteSystemName: 'vmx2', remotePort: 'ge-0/0/1' }]);
  });
});
