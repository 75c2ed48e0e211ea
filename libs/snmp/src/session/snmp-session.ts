/** One value as the agent sent it: `value` is a Buffer (OCTET STRING, Counter64), number, string (IpAddress, OID). */
export interface SnmpValue {
  oid: string;
  /** The ASN.1 type (net-snmp's ObjectType: 2 INTEGER, 4 OCTET STRING, 6 OID, 64 IpAddress, 65 Counter32, …). */
  type: number;
  value: unknown;
}

/** Why a walk ended before the end of its subtree; the values before that point are kept. */
export interface WalkStop {
  reason: 'OID_NOT_INCREASING' | 'VALUE_LIMIT' | 'AGENT_ERROR';
  detail: string;
}

export interface WalkResult {
  values: SnmpValue[];
  stopped?: WalkStop;
}

/** What the collectors need from a device; net-snmp behind it (openSnmpSession), a fake in unit tests. */
export interface SnmpSession {
  /** `host:port`, for messages. */
  readonly target: string;
  /** One GET; null where the agent has no such object or instance. Throws SnmpError. */
  get(oids: readonly string[]): Promise<(SnmpValue | null)[]>;
  /** Every value under `baseOid`, by GETBULK. Throws SnmpError when the agent cannot be asked, never for bad data. */
  walk(baseOid: string): Promise<WalkResult>;
  close(): void;
}
