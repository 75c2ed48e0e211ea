import { SnmpError, type SnmpSession } from '@yardmaster/snmp';
import { DeviceCollectionError, deviceCollectionErrorOf } from './device-collection-error';
import { NoAddressAnswered } from './connection-target/dial-first-reachable';
import { isSnmpUnreachable, proveSnmpAnswers } from './snmp-reachability';

function fakeSession(get: () => Promise<unknown>): SnmpSession & { closed: number } {
  const session = {
    target: '192.0.2.10:161',
    closed: 0,
    get: async () => {
      await get();
      return [null];
    },
    walk: async () => ({ values: [] }),
    close: () => {
      session.closed += 1;
    },
  };
  return session;
}

describe('SNMP reachability', () => {
  it('counts only an agent that never answers as unreachable, not an authentication failure or a bad answer', () => {
    expect(isSnmpUnreachable(new SnmpError('SNMP_TIMEOUT', 'no answer'))).toBe(true);
    expect(isSnmpUnreachable(new SnmpError('SNMP_AUTH_FAILED', 'wrong key'))).toBe(false);
    expect(isSnmpUnreachable(new SnmpError('SNMP_REQUEST_FAILED', 'genErr'))).toBe(false);
    expect(isSnmpUnreachable(new Error('ECONNREFUSED'))).toBe(false);
  });

  it('proves an agent answers with one GET, keeping the session open', async () => {
    const session = fakeSession(async () => undefined);
    await expect(proveSnmpAnswers(session, new AbortController().signal)).resolves.toBe(session);
    expect(session.closed).toBe(0);
  });

  it('closes the session of an agent that does not answer and passes its failure on', async () => {
    const session = fakeSession(async () => {
      throw new SnmpError('SNMP_TIMEOUT', 'no answer');
    });
    await expect(proveSnmpAnswers(session, new AbortController().signal)).rejects.toMatchObject({ code: 'SNMP_TIMEOUT' });
    expect(session.closed).toBe(1);
  });

  it('closes the session at once when the activity is cancelled during the proof', async () => {
    const cancel = new AbortController();
    let fail: (error: Error) => void = () => undefined;
    const session = fakeSession(() => new Promise((_resolve, reject) => (fail = reject)));
    const proving = proveSnmpAnswers(session, cancel.signal);
    cancel.abort();
    expect(session.closed).toBe(1);
    fail(new SnmpError('SNMP_REQUEST_FAILED', 'session closed'));
    await expect(proving).rejects.toMatchObject({ code: 'SNMP_REQUEST_FAILED' });
    expect(session.closed).toBe(1);
  });

  it('fails a device none of whose addresses answered with the last one\'s code (retried), naming each', () => {
    const failure = deviceCollectionErrorOf(
      new NoAddressAnswered([
        { address: { role: 'primary', host: '192.0.2.10' }, error: new SnmpError('SNMP_TIMEOUT', 'GET from 192.0.2.10:161: no answer') },
        { address: { role: 'oob', host: '198.51.100.10' }, error: new SnmpError('SNMP_TIMEOUT', 'GET from 198.51.100.10:161: no answer') },
      ]),
    );
    expect(failure).toBeInstanceOf(DeviceCollectionError);
    expect(failure).toMatchObject({ code: 'SNMP_TIMEOUT', retryable: true });
    expect(failure.message).toBe(
      'No address of the device answered: primary address 192.0.2.10 (SNMP_TIMEOUT: GET from 192.0.2.10:161: no answer); out-of-band address 198.51.100.10 (SNMP_TIMEOUT: GET from 198.51.100.10:161: no answer)',
    );
  });
});
