import * as snmp from 'net-snmp';
import { compareOids, isUnder } from './oid';
import { toSnmpError } from './snmp-error';
import type { SnmpSession, SnmpValue, WalkResult } from './snmp-session';
import { SNMP_DEFAULTS, type SnmpTarget, type SnmpV3Credentials } from './snmp-target';

const AUTH_PROTOCOLS: Record<SnmpV3Credentials['authProtocol'], snmp.AuthProtocols> = {
  md5: snmp.AuthProtocols.md5,
  sha: snmp.AuthProtocols.sha,
  sha224: snmp.AuthProtocols.sha224,
  sha256: snmp.AuthProtocols.sha256,
  sha384: snmp.AuthProtocols.sha384,
  sha512: snmp.AuthProtocols.sha512,
};

const PRIV_PROTOCOLS: Record<SnmpV3Credentials['privProtocol'], snmp.PrivProtocols> = {
  des: snmp.PrivProtocols.des,
  aes: snmp.PrivProtocols.aes,
  aes256b: snmp.PrivProtocols.aes256b,
  aes256r: snmp.PrivProtocols.aes256r,
};

/** A session to one device over UDP (v2c or v3 authPriv). Nothing is sent until the first request. */
export function openSnmpSession(target: SnmpTarget): SnmpSession {
  const port = target.port ?? SNMP_DEFAULTS.port;
  const common = {
    port,
    timeout: target.timeoutMs ?? SNMP_DEFAULTS.timeoutMs,
    retries: target.retries ?? SNMP_DEFAULTS.retries,
    // The walk checks the order itself, so that an agent answering out of order costs the rest of a table, not all of it.
    backwardsGetNexts: true,
    transport: target.host.includes(':') ? ('udp6' as const) : ('udp4' as const),
  };
  const { credentials } = target;
  const session =
    credentials.version === 'v2c'
      ? snmp.createSession(target.host, credentials.community, { ...common, version: snmp.Version2c })
      : snmp.createV3Session(
          target.host,
          {
            name: credentials.username,
            level: snmp.SecurityLevel.authPriv,
            authProtocol: AUTH_PROTOCOLS[credentials.authProtocol],
            authKey: credentials.authKey,
            privProtocol: PRIV_PROTOCOLS[credentials.privProtocol],
            privKey: credentials.privKey,
          },
          { ...common, version: snmp.Version3, context: credentials.context ?? '' },
        );
  // A socket error after close (or an ICMP unreachable) must not become an uncaught 'error' event.
  session.on('error', () => undefined);
  return new NetSnmpSession(session, `${target.host}:${port}`, target.maxRepetitions ?? SNMP_DEFAULTS.maxRepetitions, target.maxValuesPerWalk ?? SNMP_DEFAULTS.maxValuesPerWalk);
}

class NetSnmpSession implements SnmpSession {
  constructor(
    private readonly session: snmp.Session,
    readonly target: string,
    private readonly maxRepetitions: number,
    private readonly maxValuesPerWalk: number,
  ) {}

  get(oids: readonly string[]): Promise<(SnmpValue | null)[]> {
    return new Promise((resolve, reject) => {
      this.session.get([...oids], (error, varbinds) => {
        if (error) return reject(toSnmpError(error, `GET from ${this.target}`));
        resolve((varbinds ?? []).map((varbind) => (snmp.isVarbindError(varbind) ? null : toValue(varbind))));
      });
    });
  }

  async walk(baseOid: string): Promise<WalkResult> {
    const values: SnmpValue[] = [];
    let cursor = baseOid;
    for (;;) {
      let page: snmp.Varbind[];
      try {
        page = await this.bulk(cursor);
      } catch (error) {
        const failure = toSnmpError(error, `walk of ${baseOid} on ${this.target}`);
        // An agent that cannot be asked fails the device; one that errs inside a table costs that table only.
        if (failure.code !== 'SNMP_REQUEST_FAILED') throw failure;
        return { values, stopped: { reason: 'AGENT_ERROR', detail: failure.message } };
      }
      for (const varbind of page) {
        if (snmp.isVarbindError(varbind) || !isUnder(baseOid, varbind.oid)) return { values };
        if (compareOids(varbind.oid, cursor) <= 0) {
          return { values, stopped: { reason: 'OID_NOT_INCREASING', detail: `${varbind.oid} after ${cursor}` } };
        }
        values.push(toValue(varbind));
        cursor = varbind.oid;
        if (values.length >= this.maxValuesPerWalk) {
          return { values, stopped: { reason: 'VALUE_LIMIT', detail: `stopped after ${values.length} values` } };
        }
      }
      if (page.length === 0) return { values };
    }
  }

  close(): void {
    this.session.close();
  }

  private bulk(oid: string): Promise<snmp.Varbind[]> {
    return new Promise((resolve, reject) => {
      this.session.getBulk([oid], 0, this.maxRepetitions, (error, varbinds) => {
        if (error) return reject(error);
        // One requested OID: net-snmp gives one list (the column's rows) in the first position.
        const rows = (varbinds ?? [])[0];
        resolve(Array.isArray(rows) ? rows : rows ? [rows] : []);
      });
    });
  }
}

function toValue(varbind: snmp.Varbind): SnmpValue {
  return { oid: varbind.oid, type: varbind.type ?? 0, value: varbind.value };
}
