import type { OpenedCredentials, SnmpAuthProtocol, SnmpPrivProtocol } from '@yardmaster/contracts';
import type { SnmpCredentials, SnmpV3Credentials } from '@yardmaster/snmp';
import { DeviceCollectionError } from './device-collection-error';

const AUTH_PROTOCOLS: Readonly<Record<SnmpAuthProtocol, SnmpV3Credentials['authProtocol']>> = {
  MD5: 'md5',
  SHA: 'sha',
  SHA224: 'sha224',
  SHA256: 'sha256',
  SHA384: 'sha384',
  SHA512: 'sha512',
};

// The library has no AES-192; AES-256 is the Blumenthal key extension, what net-snmp's agents and Cisco's call AES-256.
const PRIV_PROTOCOLS: Readonly<Record<SnmpPrivProtocol, SnmpV3Credentials['privProtocol'] | null>> = {
  DES: 'des',
  AES: 'aes',
  AES192: null,
  AES256: 'aes256b',
};

/**
 * A credential set as libs/snmp's target options. Only what SNMP can collect with: v2c, and v3 at authPriv (the
 * library's one level); anything else fails the device with UNSUPPORTED_CREDENTIALS, naming the set, never a secret.
 */
export function snmpCredentialsOf(credentials: OpenedCredentials): SnmpCredentials {
  const refuse = (why: string) => new DeviceCollectionError('UNSUPPORTED_CREDENTIALS', `Credential set ${credentials.name} ${why}`);
  switch (credentials.kind) {
    case 'snmp_v2c':
      return { version: 'v2c', community: credentials.community };
    case 'snmp_v3': {
      if (credentials.securityLevel !== 'authPriv' || !credentials.auth || !credentials.priv) throw refuse(`is SNMPv3 ${credentials.securityLevel}; collection needs authPriv`);
      const privProtocol = PRIV_PROTOCOLS[credentials.priv.protocol];
      if (!privProtocol) throw refuse(`uses privacy protocol ${credentials.priv.protocol}, which the SNMP library does not offer`);
      return {
        version: 'v3',
        username: credentials.username,
        authProtocol: AUTH_PROTOCOLS[credentials.auth.protocol],
        authKey: credentials.auth.key,
        privProtocol,
        privKey: credentials.priv.key,
      };
    }
    case 'ssh':
      throw refuse('is an SSH credential set; collection plans collect over SNMP');
  }
}
