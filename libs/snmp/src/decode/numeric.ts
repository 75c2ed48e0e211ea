import type { SnmpValue } from '../session/snmp-session';
import { asNumber } from './octets';

/** ASN.1 types that carry integers: INTEGER, Counter32, Gauge32/Unsigned32, TimeTicks, Counter64. */
const INTEGER_TYPES = new Set([2, 65, 66, 67, 70]);

/** The value as a number when its type is an integer type; null when absent or of another type (an OCTET STRING, say). */
export function numeric(value: SnmpValue | null | undefined): number | null {
  if (!value || !INTEGER_TYPES.has(value.type)) return null;
  return asNumber(value.value);
}
