import type { Device } from '@yardmaster/contracts';
import { snmpAddressOf } from './device-address';

const device = (fields: Partial<Device>) => ({ name: 'edge-01', primaryAddress: '192.0.2.10/24', management: null, ...fields }) as Device;

describe('snmpAddressOf', () => {
  it('asks the primary address without its prefix, on 161 unless the device is managed over SNMP', () => {
    expect(snmpAddressOf(device({}))).toEqual({ host: '192.0.2.10', port: 161 });
    expect(snmpAddressOf(device({ primaryAddress: '2001:db8::10/64', management: { protocol: 'snmp', port: 1161, credentialsRef: null } }))).toEqual({ host: '2001:db8::10', port: 1161 });
    expect(snmpAddressOf(device({ management: { protocol: 'ssh', port: 22, credentialsRef: 'lab' } }))).toEqual({ host: '192.0.2.10', port: 161 });
  });

  it('fails a device without an address with NO_ADDRESS, not retried', () => {
    expect(() => snmpAddressOf(device({ primaryAddress: null }))).toThrow(expect.objectContaining({ code: 'NO_ADDRESS', retryable: false }));
  });
});
