/**
 * Named credential sets: what the collector logs in to devices with. A device names one in
 * `management.credentialsRef`. Secrets are written once and never read back: views say which secret fields are
 * set, never their values. Only the collector opens a set, inside an activity (see `OpenedCredentials`).
 */
export const CREDENTIAL_KINDS = ['snmp_v2c', 'snmp_v3', 'ssh'] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

export const SNMP_SECURITY_LEVELS = ['noAuthNoPriv', 'authNoPriv', 'authPriv'] as const;
export type SnmpSecurityLevel = (typeof SNMP_SECURITY_LEVELS)[number];

export const SNMP_AUTH_PROTOCOLS = ['MD5', 'SHA', 'SHA224', 'SHA256', 'SHA384', 'SHA512'] as const;
export type SnmpAuthProtocol = (typeof SNMP_AUTH_PROTOCOLS)[number];

export const SNMP_PRIV_PROTOCOLS = ['DES', 'AES', 'AES192', 'AES256'] as const;
export type SnmpPrivProtocol = (typeof SNMP_PRIV_PROTOCOLS)[number];

/** The secret fields of each kind: sealed at rest, never answered. */
export const SECRET_FIELDS = {
  snmp_v2c: ['community'],
  snmp_v3: ['authKey', 'privKey'],
  ssh: ['password', 'privateKey', 'passphrase', 'enableSecret'],
} as const satisfies Readonly<Record<CredentialKind, readonly string[]>>;

/** The fields of each kind that are not secret: stored and answered as they are. */
export const SETTING_FIELDS = {
  snmp_v2c: [],
  snmp_v3: ['username', 'securityLevel', 'authProtocol', 'privProtocol'],
  ssh: ['username'],
} as const satisfies Readonly<Record<CredentialKind, readonly string[]>>;

export type SecretState = 'set' | 'not_set';

/** A credential set as the REST API answers it: never a secret's value. */
export interface CredentialSetView {
  readonly id: string;
  readonly name: string;
  readonly kind: CredentialKind;
  readonly description: string;
  /** The non-secret fields of its kind: `username`, `securityLevel`, `authProtocol`, `privProtocol`. */
  readonly username?: string;
  readonly securityLevel?: SnmpSecurityLevel;
  readonly authProtocol?: SnmpAuthProtocol | null;
  readonly privProtocol?: SnmpPrivProtocol | null;
  /** Every secret field of its kind, and whether it holds a value. */
  readonly secrets: Readonly<Record<string, SecretState>>;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface SnmpV2cCredentials {
  readonly kind: 'snmp_v2c';
  readonly name: string;
  readonly community: string;
}

export interface SnmpV3Credentials {
  readonly kind: 'snmp_v3';
  readonly name: string;
  readonly username: string;
  readonly securityLevel: SnmpSecurityLevel;
  /** Set from `authNoPriv` up. */
  readonly auth: { readonly protocol: SnmpAuthProtocol; readonly key: string } | null;
  /** Set at `authPriv`. */
  readonly priv: { readonly protocol: SnmpPrivProtocol; readonly key: string } | null;
}

export interface SshCredentials {
  readonly kind: 'ssh';
  readonly name: string;
  readonly username: string;
  readonly password: string | null;
  readonly privateKey: string | null;
  /** Only with a private key that is encrypted. */
  readonly passphrase: string | null;
  /** The secret `enable` asks for on platforms with a privileged mode (IOS, EOS); absent (or null) when the set has none. */
  readonly enableSecret?: string | null;
}

/**
 * A credential set opened, secrets in clear. It exists only inside a collector activity, for the length of one
 * device session: never a workflow's input, result or state, never logged, never in an event.
 */
export type OpenedCredentials = SnmpV2cCredentials | SnmpV3Credentials | SshCredentials;
