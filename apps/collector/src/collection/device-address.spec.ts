import type { Device } from '@yardmaster/contracts';
import { snmpPortOf } from './device-address';

describe('snmpPortOf', () => {
  it('asks on the management port when the device is managed over SNMP, else on 161', () => {
    expect(snmpPortOf({ management: null })).toBe(161);
    expect(snmpPortOf({ management: { protocol: 'snmp', port: 1161, credentialsRef: null } })).toBe(1161);
    expect(snmpPortOf({ management: { protocol: 'ssh', port: 22, credentialsRef: 'lab' } } as Pick<Device, 'management'>)).toBe(161);
  });
});
