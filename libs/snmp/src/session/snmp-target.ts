/** SNMPv2c: the community is the only secret. */
export interface SnmpV2cCredentials {
  version: 'v2c';
  community: string;
}

/** SNMPv3 with authentication and privacy (authPriv): the only v3 level Yardmaster collects with. */
export interface SnmpV3Credentials {
  version: 'v3';
  username: string;
  authProtocol: 'md5' | 'sha' | 'sha224' | 'sha256' | 'sha384' | 'sha512';
  authKey: string;
  privProtocol: 'des' | 'aes' | 'aes256b' | 'aes256r';
  privKey: string;
  /** The v3 context name; empty unless the agent serves several contexts (snmpsim: the recording's name). */
  context?: string;
}

export type SnmpCredentials = SnmpV2cCredentials | SnmpV3Credentials;

/** Where and how to ask one device. Credentials are plain options here: storing them is the caller's business. */
export interface SnmpTarget {
  host: string;
  /** 161 unless given. */
  port?: number;
  credentials: SnmpCredentials;
  /** Per request, before a retry; the agent is unreachable after (1 + retries) of them. 5,000 ms unless given. */
  timeoutMs?: number;
  /** 1 unless given. */
  retries?: number;
  /** Rows asked for per GETBULK. 20 unless given (snmpsim answers at most 64 values). */
  maxRepetitions?: number;
  /** A walk stops (with a warning) after this many values, so one huge table cannot stall a device. 200,000 unless given. */
  maxValuesPerWalk?: number;
}

export const SNMP_DEFAULTS = { port: 161, timeoutMs: 5_000, retries: 1, maxRepetitions: 20, maxValuesPerWalk: 200_000 } as const;
