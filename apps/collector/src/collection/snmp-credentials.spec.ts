import type { OpenedCredentials } from '@yardmaster/contracts';
import { snmpCredentialsOf } from './snmp-credentials';

describe('snmpCredentialsOf', () => {
  it('maps v2c to its community', () => {
    expect(snmpCredentialsOf({ kind: 'snmp_v2c', name: 'lab', community: 'public' })).toEqual({ version: 'v2c', community: 'public' });
  });

  it('maps v3 authPriv to the library’s protocol names', () => {
    const opened: OpenedCredentials = {
      kind: 'snmp_v3', name: 'core', username: 'collector', securityLevel: 'authPriv', auth: { protocol: 'SHA256', key: 'auth-secret' }, priv: { protocol: 'AES', key: 'priv-secret' },
    };
    expect(snmpCredentialsOf(opened)).toEqual({ version: 'v3', username: 'collector', authProtocol: 'sha256', authKey: 'auth-secret', privProtocol: 'aes', privKey: 'priv-secret' });
  });

  it('refuses what SNMP cannot collect with, naming the set but never a secret', () => {
    const refusal = (opened: OpenedCredentials) => {
      try {
        snmpCredentialsOf(opened);
      } catch (error) {
        return error as { code: string; message: string; retryable: boolean };
      }
      throw new Error('not refused');
    };
    const authNoPriv = refusal({ kind: 'snmp_v3', name: 'weak', username: 'u', securityLevel: 'authNoPriv', auth: { protocol: 'SHA', key: 'auth-secret' }, priv: null });
    expect(authNoPriv).toMatchObject({ code: 'UNSUPPORTED_CREDENTIALS', retryable: false });
    expect(authNoPriv.message).toContain('weak');
    expect(authNoPriv.message).not.toContain('auth-secret');
    const aes192 = refusal({ kind: 'snmp_v3', name: 'v3', username: 'u', securityLevel: 'authPriv', auth: { protocol: 'SHA', key: 'a-secret' }, priv: { protocol: 'AES192', key: 'p-secret' } });
    expect(aes192.message).toContain('AES192');
    expect(refusal({ kind: 'ssh', name: 'ssh-set', username: 'u', password: 'pw-secret', privateKey: null, passphrase: null }).code).toBe('UNSUPPORTED_CREDENTIALS');
  });
});
