import { YardError, type FieldError } from '@yardmaster/contracts';
import { readCredentialSetChange, type CredentialSetCurrent } from './credential-set-input';

const AUTH_KEY = 'auth-secret-7d1f';
const PRIV_KEY = 'priv-secret-93ab';
const PEM = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n';

function fieldErrorsOf(input: unknown, current: CredentialSetCurrent | null = null): readonly FieldError[] {
  try {
    readCredentialSetChange(input, current);
  } catch (error) {
    if (error instanceof YardError) return error.fieldErrors ?? [{ field: '', message: error.message }];
    throw error;
  }
  throw new Error('the input was accepted');
}

const V3_AUTH_PRIV: CredentialSetCurrent = {
  name: 'core-v3',
  kind: 'snmp_v3',
  description: '',
  settings: { username: 'monitor', securityLevel: 'authPriv', authProtocol: 'SHA256', privProtocol: 'AES' },
  secretsSet: new Set(['authKey', 'privKey']),
};

describe('readCredentialSetChange', () => {
  it('reads an SNMP v2c set: the community to seal, the name trimmed', () => {
    expect(readCredentialSetChange({ name: ' lab-v2c ', kind: 'snmp_v2c', community: 'public-7x' }, null)).toEqual({
      name: 'lab-v2c',
      kind: 'snmp_v2c',
      description: '',
      settings: {},
      secrets: { community: { write: 'public-7x' } },
      changed: ['community', 'kind', 'name'],
    });
  });

  it('reads an SNMP v3 authPriv set with every protocol and both keys', () => {
    const change = readCredentialSetChange(
      { name: 'core-v3', kind: 'snmp_v3', username: 'monitor', securityLevel: 'authPriv', authProtocol: 'SHA512', authKey: AUTH_KEY, privProtocol: 'AES256', privKey: PRIV_KEY },
      null,
    );
    expect(change.settings).toEqual({ username: 'monitor', securityLevel: 'authPriv', authProtocol: 'SHA512', privProtocol: 'AES256' });
    expect(change.secrets).toEqual({ authKey: { write: AUTH_KEY }, privKey: { write: PRIV_KEY } });
  });

  it('wants what the security level uses, refuses what it does not, and never echoes a secret', () => {
    const errors = fieldErrorsOf({ name: 'v3', kind: 'snmp_v3', username: 'monitor', securityLevel: 'authPriv', authProtocol: 'SHA1', authKey: 'short' });
    expect(errors).toEqual([
      { field: 'authProtocol', message: 'must be one of MD5, SHA, SHA224, SHA256, SHA384, SHA512 at securityLevel authPriv' },
      { field: 'authKey', message: 'must be 8 to 256 characters' },
      { field: 'privProtocol', message: 'is required' },
      { field: 'privKey', message: 'is required at securityLevel authPriv' },
    ]);
    expect(fieldErrorsOf({ name: 'v3', kind: 'snmp_v3', username: 'monitor', securityLevel: 'noAuthNoPriv', authKey: AUTH_KEY })).toEqual([
      { field: 'authKey', message: 'is not used at securityLevel noAuthNoPriv' },
    ]);
    expect(JSON.stringify(fieldErrorsOf({ name: 'v3', kind: 'snmp_v3', username: 'monitor', securityLevel: 'noAuthNoPriv', authKey: AUTH_KEY }))).not.toContain(AUTH_KEY);
  });

  it('keeps stored secrets a patch leaves out, replaces those it gives, and drops what a lowered level no longer uses', () => {
    expect(readCredentialSetChange({ authKey: 'new-auth-key-1' }, V3_AUTH_PRIV).secrets).toEqual({ authKey: { write: 'new-auth-key-1' }, privKey: 'keep' });
    const lowered = readCredentialSetChange({ securityLevel: 'authNoPriv' }, V3_AUTH_PRIV);
    expect(lowered.settings).toEqual({ username: 'monitor', securityLevel: 'authNoPriv', authProtocol: 'SHA256', privProtocol: null });
    expect(lowered.secrets).toEqual({ authKey: 'keep', privKey: 'clear' });
    expect(lowered.changed).toEqual(['securityLevel']);
  });

  it('refuses a change of kind and fields of another kind', () => {
    expect(fieldErrorsOf({ kind: 'ssh', community: 'x' }, V3_AUTH_PRIV)).toEqual([
      { field: 'kind', message: 'cannot change: create a set of the other kind and point the devices at it' },
      { field: 'community', message: 'is not a field of a snmp_v3 credential set' },
    ]);
    expect(fieldErrorsOf({ name: 'x', kind: 'telnet' })).toEqual([{ field: 'kind', message: 'must be one of snmp_v2c, snmp_v3, ssh' }]);
    expect(fieldErrorsOf({ kind: 'snmp_v2c' })).toEqual([
      { field: 'name', message: 'is required' },
      { field: 'community', message: 'is required' },
    ]);
  });

  it('reads SSH with a password, or a private key and its passphrase, and refuses neither or a stray passphrase', () => {
    expect(readCredentialSetChange({ name: 'ssh', kind: 'ssh', username: 'netops', privateKey: PEM, passphrase: 'pass-phrase' }, null).secrets).toEqual({
      password: 'clear',
      privateKey: { write: PEM },
      passphrase: { write: 'pass-phrase' },
      enableSecret: 'clear',
    });
    expect(fieldErrorsOf({ name: 'ssh', kind: 'ssh', username: 'netops', passphrase: 'pass-phrase' })).toEqual([
      { field: 'password', message: 'a password or a privateKey is required' },
      { field: 'passphrase', message: 'goes with a privateKey' },
    ]);
    const notAKey = 'not-a-key-5e2c';
    const errors = fieldErrorsOf({ name: 'ssh', kind: 'ssh', username: 'netops', privateKey: notAKey });
    expect(errors).toEqual([{ field: 'privateKey', message: 'must be a private key in PEM or OpenSSH form (-----BEGIN … PRIVATE KEY-----)' }]);
    expect(JSON.stringify(errors)).not.toContain(notAKey);
  });

  it('takes an optional enable secret beside the password, and refuses an empty one without echoing it', () => {
    expect(readCredentialSetChange({ name: 'ssh', kind: 'ssh', username: 'netops', password: 'pw-1', enableSecret: 'en-secret-1' }, null).secrets).toEqual({
      password: { write: 'pw-1' },
      privateKey: 'clear',
      passphrase: 'clear',
      enableSecret: { write: 'en-secret-1' },
    });
    expect(fieldErrorsOf({ name: 'ssh', kind: 'ssh', username: 'netops', password: 'pw-1', enableSecret: '' })).toEqual([{ field: 'enableSecret', message: 'must be a non-empty string (or null to clear it)' }]);
    expect(fieldErrorsOf({ name: 'ssh', kind: 'ssh', username: 'netops', password: 'pw-1', enableSecret: 'x'.repeat(1025) })).toEqual([{ field: 'enableSecret', message: 'must be 1 to 1024 characters' }]);
  });

  it('clears an optional secret given as null, and refuses to clear the last way in', () => {
    const current: CredentialSetCurrent = { name: 'ssh', kind: 'ssh', description: '', settings: { username: 'netops' }, secretsSet: new Set(['password', 'privateKey']) };
    expect(readCredentialSetChange({ password: null }, current).secrets).toEqual({ password: 'clear', privateKey: 'keep', passphrase: 'clear', enableSecret: 'clear' });
    expect(fieldErrorsOf({ password: null, privateKey: null }, current)).toEqual([{ field: 'password', message: 'a password or a privateKey is required' }]);
    expect(fieldErrorsOf({ password: 42 }, current)).toEqual([{ field: 'password', message: 'must be a non-empty string (or null to clear it)' }]);
  });
});
