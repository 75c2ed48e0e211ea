import { compareOids, isUnder } from '../session/oid';
import type { SnmpSession, SnmpValue, WalkResult, WalkStop } from '../session/snmp-session';

const OCTET_STRING = 4;
const INTEGER = 2;

/** An agent in memory: values by OID, walks in OID order; a walk can be made to stop early or to throw. */
export class FakeSnmpSession implements SnmpSession {
  readonly target = 'fake:161';
  private readonly values = new Map<string, SnmpValue>();
  private readonly stops = new Map<string, { after: number; stop: WalkStop }>();
  private readonly failures = new Map<string, Error>();

  /** Strings become OCTET STRINGs, numbers INTEGERs, Buffers OCTET STRINGs. */
  set(oid: string, value: string | number | Buffer): this {
    const type = typeof value === 'number' ? INTEGER : OCTET_STRING;
    this.values.set(oid, { oid, type, value: typeof value === 'string' ? Buffer.from(value) : value });
    return this;
  }

  stopWalk(baseOid: string, after: number, stop: WalkStop): this {
    this.stops.set(baseOid, { after, stop });
    return this;
  }

  failWalk(baseOid: string, error: Error): this {
    this.failures.set(baseOid, error);
    return this;
  }

  async get(oids: readonly string[]): Promise<(SnmpValue | null)[]> {
    return oids.map((oid) => this.values.get(oid) ?? null);
  }

  async walk(baseOid: string): Promise<WalkResult> {
    const failure = [...this.failures].find(([oid]) => baseOid === oid || isUnder(oid, baseOid));
    if (failure) throw failure[1];
    const values = [...this.values.values()].filter((value) => isUnder(baseOid, value.oid)).sort((a, b) => compareOids(a.oid, b.oid));
    const stop = this.stops.get(baseOid);
    return stop ? { values: values.slice(0, stop.after), stopped: stop.stop } : { values };
  }

  close(): void {}
}
