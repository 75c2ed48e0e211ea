import { SNMP_AUTH_PROTOCOLS, SNMP_PRIV_PROTOCOLS, SNMP_SECURITY_LEVELS, type CredentialKind, type FieldError } from '@yardmaster/contracts';

/** Per secret field: write this clear value (to be sealed), clear it, or keep the sealed value there is. */
export type SecretWrite = { readonly write: string } | 'clear' | 'keep';

export const LIMITS = { name: 100, description: 200, username: 100, community: 255, snmpKey: 256, password: 1024, privateKey: 16_384, passphrase: 1024, enableSecret: 1024 };
const SNMP_KEY_MIN = 8;

/**
 * A set as it will be after a change: settings merged, secrets written, kept or cleared. A kind's rules add
 * errors, and may drop what the kind no longer uses (a lowered SNMP v3 security level).
 */
export interface KindCheck {
  readonly settings: Record<string, string | null>;
  readonly secrets: Record<string, SecretWrite>;
  readonly given: (field: string) => boolean;
  readonly errors: FieldError[];
}

function checkSnmpV2c({ secrets, errors }: KindCheck): void {
  requireSecret(secrets, 'community', errors);
  secretLength(secrets, 'community', 1, LIMITS.community, errors);
}

/** USM: the level decides which protocols and keys there are; a level lowered drops what it no longer uses. */
function checkSnmpV3({ settings, secrets, given, errors }: KindCheck): void {
  checkSetting(settings, 'username', errors, (value) => value.trim() !== '' && value.length <= 32, 'must be an SNMPv3 user name of 1 to 32 characters');
  const level = checkSetting(settings, 'securityLevel', errors, (value) => (SNMP_SECURITY_LEVELS as readonly string[]).includes(value), `must be one of ${SNMP_SECURITY_LEVELS.join(', ')}`);
  if (level === null) return;
  const uses = { auth: level !== 'noAuthNoPriv', priv: level === 'authPriv' };
  const parts = [
    { use: uses.auth, protocol: 'authProtocol', key: 'authKey', protocols: SNMP_AUTH_PROTOCOLS as readonly string[] },
    { use: uses.priv, protocol: 'privProtocol', key: 'privKey', protocols: SNMP_PRIV_PROTOCOLS as readonly string[] },
  ];
  for (const part of parts) {
    if (!part.use) {
      for (const field of [part.protocol, part.key]) {
        const givenValue = field === part.key ? secrets[field] !== 'clear' && given(field) : given(field) && settings[field] !== null;
        if (givenValue) errors.push({ field, message: `is not used at securityLevel ${level}` });
      }
      settings[part.protocol] = null;
      secrets[part.key] = 'clear';
      continue;
    }
    checkSetting(settings, part.protocol, errors, (value) => part.protocols.includes(value), `must be one of ${part.protocols.join(', ')} at securityLevel ${level}`);
    requireSecret(secrets, part.key, errors, ` at securityLevel ${level}`);
    secretLength(secrets, part.key, SNMP_KEY_MIN, LIMITS.snmpKey, errors);
  }
}

/** A password, a private key (with its passphrase when encrypted), or both; an enable secret where `enable` asks for one. */
function checkSsh({ settings, secrets, errors }: KindCheck): void {
  checkSetting(settings, 'username', errors, (value) => value.trim() !== '' && value.length <= LIMITS.username, `must be a user name of 1 to ${LIMITS.username} characters`);
  if (secrets.password === 'clear' && secrets.privateKey === 'clear') errors.push({ field: 'password', message: 'a password or a privateKey is required' });
  if (secrets.privateKey === 'clear' && secrets.passphrase !== 'clear') errors.push({ field: 'passphrase', message: 'goes with a privateKey' });
  secretLength(secrets, 'password', 1, LIMITS.password, errors);
  secretLength(secrets, 'privateKey', 1, LIMITS.privateKey, errors);
  secretLength(secrets, 'passphrase', 1, LIMITS.passphrase, errors);
  secretLength(secrets, 'enableSecret', 1, LIMITS.enableSecret, errors);
  const key = secrets.privateKey;
  if (typeof key === 'object' && !/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(key.write)) {
    errors.push({ field: 'privateKey', message: 'must be a private key in PEM or OpenSSH form (-----BEGIN … PRIVATE KEY-----)' });
  }
}

/** What each kind needs, allows and refuses. */
export const KIND_RULES: Readonly<Record<CredentialKind, (check: KindCheck) => void>> = { snmp_v2c: checkSnmpV2c, snmp_v3: checkSnmpV3, ssh: checkSsh };

/** Checks a setting that must be there; answers it, or null when it is not valid. */
function checkSetting(settings: Record<string, string | null>, field: string, errors: FieldError[], valid: (value: string) => boolean, message: string): string | null {
  const value = settings[field];
  if (value === null || value === undefined) {
    errors.push({ field, message: 'is required' });
    return null;
  }
  if (typeof value !== 'string' || !valid(value)) {
    errors.push({ field, message });
    return null;
  }
  return value;
}

function requireSecret(secrets: Record<string, SecretWrite>, field: string, errors: FieldError[], when = ''): void {
  if (secrets[field] === 'clear') errors.push({ field, message: `is required${when}` });
}

function secretLength(secrets: Record<string, SecretWrite>, field: string, min: number, max: number, errors: FieldError[]): void {
  const secret = secrets[field];
  if (typeof secret === 'object' && (secret.write.length < min || secret.write.length > max)) errors.push({ field, message: `must be ${min} to ${max} characters` });
}
