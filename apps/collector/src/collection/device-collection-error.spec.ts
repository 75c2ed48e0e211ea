import { SnmpError } from '@yardmaster/snmp';
import { DeviceCollectionError, deviceCollectionErrorOf } from './device-collection-error';

describe('deviceCollectionErrorOf', () => {
  it('keeps the SSH driver\'s codes, and does not retry what only new credentials or a new host key mend', () => {
    const auth = deviceCollectionErrorOf(Object.assign(new Error('netops@10.0.0.1: authentication failed'), { code: 'SSH_AUTH_FAILED' }));
    expect(auth).toMatchObject({ code: 'SSH_AUTH_FAILED', message: 'netops@10.0.0.1: authentication failed', retryable: false });
    expect(deviceCollectionErrorOf(Object.assign(new Error('changed'), { code: 'SSH_HOST_KEY_CHANGED' })).retryable).toBe(false);
    expect(deviceCollectionErrorOf(Object.assign(new Error('no answer in 10 s'), { code: 'SSH_CONNECT_TIMEOUT' }))).toMatchObject({ code: 'SSH_CONNECT_TIMEOUT', retryable: true });
  });

  it('keeps SNMP\'s codes and its own, and calls anything else a request failure', () => {
    expect(deviceCollectionErrorOf(new SnmpError('SNMP_TIMEOUT', 'no answer'))).toMatchObject({ code: 'SNMP_TIMEOUT' });
    const own = new DeviceCollectionError('UNPARSEABLE_OUTPUT', 'x');
    expect(deviceCollectionErrorOf(own)).toBe(own);
    expect(own.retryable).toBe(false);
    expect(deviceCollectionErrorOf(Object.assign(new Error('boom'), { code: 'ECONNRESET' }))).toMatchObject({ code: 'SNMP_REQUEST_FAILED', message: 'boom' });
  });
});
