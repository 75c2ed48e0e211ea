import { CLI_PLATFORMS } from '@yardmaster/cli-facts';
import { CLI_DETECTORS } from './cli-detected-facts';
import { DETECTORS } from './detected-facts';

const context = { deviceId: 'd1', interfaceIds: new Map([['gigabitethernet0/1', 'if-1']]) };

describe('CLI_DETECTORS', () => {
  it('key and shape records as the SNMP detectors do, so both protocols meet the same inventory records', () => {
    const cli = CLI_DETECTORS.arp([{ ip: '10.0.0.2', mac: '00:00:0c:07:ac:00', interfaceName: 'GigabitEthernet0/1', vrf: '' }], context);
    const snmp = DETECTORS.arp(
      [{ ifIndex: 1, ip: '10.0.0.2', family: 4, mac: '00:00:0c:07:ac:00', type: 'dynamic', source: 'ipNetToPhysicalTable' }],
      { deviceId: 'd1', interfaceNames: new Map([[1, 'GigabitEthernet0/1']]), interfaceIds: context.interfaceIds },
    );
    expect(cli).toEqual(snmp);
  });

  it('give interfaces no ifIndex (an update keeps the stored one) and keep the inventory\'s MTU range', () => {
    const [record] = CLI_DETECTORS.interfaces(
      [{ name: 'lo0', type: 'loopback', enabled: true, operUp: true, mtu: 0, speed: null, macAddress: null, description: '' }],
      context,
    );
    expect(record.key).toBe('lo0');
    expect(record.detected).not.toHaveProperty('ifIndex');
    expect(record.detected.mtu).toBeNull();
  });

  it('put records on their interface by name, with its id when the inventory holds it', () => {
    const [known, unknown] = CLI_DETECTORS.mac_table(
      [
        { mac: '00:10:0d:e0:e2:89', vlan: 1, interfaceName: 'GigabitEthernet0/1', learned: true },
        { mac: '00:10:0d:e0:e2:8a', vlan: 1, interfaceName: 'GigabitEthernet0/9', learned: true },
        { mac: '01:00:0c:cc:cc:cc', vlan: null, interfaceName: null, learned: false },
      ],
      context,
    );
    expect(known.detected).toMatchObject({ interfaceId: 'if-1', interfaceName: 'GigabitEthernet0/1', vlan: 1 });
    expect(unknown.detected).toMatchObject({ interfaceId: null, interfaceName: 'GigabitEthernet0/9' });
  });

  it('key addresses and neighbours by VRF', () => {
    const [address] = CLI_DETECTORS.ip_addresses([{ address: '10.100.0.26/24', interfaceName: 'mgmt0', vrf: 'management' }], context);
    expect(address.key).toBe('management|10.100.0.26');
    expect(address.detected).toMatchObject({ address: '10.100.0.26/24', vrf: 'management', status: 'active' });
  });

  it('leave out an LLDP neighbour that names neither chassis nor system', () => {
    expect(CLI_DETECTORS.lldp([{ localInterface: 'Ethernet1', remoteChassisId: null, remoteSystemName: null, remotePort: 'Ethernet1' }], context)).toEqual([]);
  });

  it('carry the inventory item class the platform told', () => {
    const { records } = CLI_PLATFORMS.juniper_junos.collectors.inventory.map([[{ ps_number: '0', ps_description: 'AC Power Entry Module', ps_part: '740-028288', ps_serial_number: 'AJ00000' }]]);
    const [item] = CLI_DETECTORS.inventory(records, context);
    expect(item.detected).toMatchObject({ name: 'Power Supply 0', class: 'powerSupply', partId: '740-028288', serial: 'AJ00000' });
  });
});
