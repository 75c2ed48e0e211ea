import { SnmpError } from '../session/snmp-error';
import type { SnmpSession } from '../session/snmp-session';
import type { Collected, SnmpCollectorType } from './collected';
import { SNMP_COLLECTORS, type SnmpRecordTypes } from './snmp-collectors';

/**
 * Runs one collector. An SnmpError (the device cannot be asked: timeout, authentication) is thrown, failing the
 * device; anything else a collector throws (a bug, data no one foresaw) becomes a COLLECTOR_FAILED warning with no
 * records, so the device's other collectors still run.
 */
export async function runCollector<T extends SnmpCollectorType>(session: SnmpSession, type: T): Promise<Collected<SnmpRecordTypes[T]>> {
  try {
    return await SNMP_COLLECTORS[type](session);
  } catch (error) {
    if (error instanceof SnmpError) throw error;
    return { records: [], warnings: [{ code: 'COLLECTOR_FAILED', collector: type, message: error instanceof Error ? error.message : String(error) }] };
  }
}
