import { CREDENTIAL_KINDS, SNMP_AUTH_PROTOCOLS, SNMP_PRIV_PROTOCOLS, SNMP_SECURITY_LEVELS } from '@yardmaster/contracts';

type JsonSchema = Record<string, unknown>;

const WRITE_ONLY = { type: 'string', writeOnly: true };

/** A create's fields; which apply depends on `kind` (a patch takes any of them but `kind`). */
export const CREDENTIAL_SET_INPUT_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['name', 'kind'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', maxLength: 100, example: 'core-snmp', description: 'What devices name in management.credentialsRef' },
    kind: { type: 'string', enum: CREDENTIAL_KINDS },
    description: { type: 'string', maxLength: 200 },
    community: { ...WRITE_ONLY, description: 'snmp_v2c: the community' },
    username: { type: 'string', description: 'snmp_v3 (1 to 32 characters) and ssh' },
    securityLevel: { type: 'string', enum: SNMP_SECURITY_LEVELS, description: 'snmp_v3' },
    authProtocol: { type: 'string', enum: SNMP_AUTH_PROTOCOLS, description: 'snmp_v3 from authNoPriv' },
    authKey: { ...WRITE_ONLY, minLength: 8, description: 'snmp_v3 from authNoPriv' },
    privProtocol: { type: 'string', enum: SNMP_PRIV_PROTOCOLS, description: 'snmp_v3 at authPriv' },
    privKey: { ...WRITE_ONLY, minLength: 8, description: 'snmp_v3 at authPriv' },
    password: { ...WRITE_ONLY, nullable: true, description: 'ssh: a password, a privateKey, or both' },
    privateKey: { ...WRITE_ONLY, nullable: true, description: 'ssh: PEM or OpenSSH (-----BEGIN … PRIVATE KEY-----)' },
    passphrase: { ...WRITE_ONLY, nullable: true, description: "ssh: the private key's passphrase, when it is encrypted" },
    enableSecret: { ...WRITE_ONLY, nullable: true, description: 'ssh: the secret `enable` asks for (IOS, EOS privileged mode); optional' },
  },
};

/** A set as answered: never a secret, only whether each secret field is set. */
export const CREDENTIAL_SET_VIEW_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    kind: { type: 'string', enum: CREDENTIAL_KINDS },
    description: { type: 'string' },
    username: { type: 'string' },
    securityLevel: { type: 'string', enum: SNMP_SECURITY_LEVELS },
    authProtocol: { type: 'string', enum: SNMP_AUTH_PROTOCOLS, nullable: true },
    privProtocol: { type: 'string', enum: SNMP_PRIV_PROTOCOLS, nullable: true },
    secrets: { type: 'object', additionalProperties: { type: 'string', enum: ['set', 'not_set'] }, example: { community: 'set' } },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};
