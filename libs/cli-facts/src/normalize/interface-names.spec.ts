import { fullInterfaceName, interfaceKindOfName } from './interface-names';

describe('fullInterfaceName', () => {
  it.each([
    ['Gi1/0/2', 'GigabitEthernet1/0/2'],
    ['Te1/1/1', 'TenGigabitEthernet1/1/1'],
    ['Fa0/1', 'FastEthernet0/1'],
    ['Eth1/1', 'Ethernet1/1'],
    ['Et7', 'Ethernet7'],
    ['Po2', 'Port-channel2'],
    ['Lo0', 'Loopback0'],
    ['Vl100', 'Vlan100'],
    ['Ma1', 'Management1'],
  ])('expands %s', (short, full) => expect(fullInterfaceName(short)).toBe(full));

  it.each(['GigabitEthernet0/1', 'Ethernet1', 'ge-0/0/1', 'mgmt0', 'ae3.0', 'Vlan101'])('leaves %s as it is', (name) => expect(fullInterfaceName(name)).toBe(name));
});

describe('interfaceKindOfName', () => {
  it.each([
    ['GigabitEthernet0/1', 'ethernet'],
    ['Ethernet1/1', 'ethernet'],
    ['ge-0/0/0', 'ethernet'],
    ['mgmt0', 'ethernet'],
    ['Port-channel2', 'lag'],
    ['ae3', 'lag'],
    ['Loopback0', 'loopback'],
    ['lo0', 'loopback'],
    ['Vlan20', 'virtual'],
    ['ge-0/0/0.2036', 'virtual'],
    ['GigabitEthernet0/0.100', 'virtual'],
    ['gr-0/0/0', 'virtual'],
    ['Null0', 'other'],
  ])('%s is %s', (name, kind) => expect(interfaceKindOfName(name)).toBe(kind));
});
