/** The fact types an SNMP collection can gather (issue 13's collector types). */
export type SnmpCollectorType = 'facts' | 'interfaces' | 'ip_addresses' | 'arp' | 'ndp' | 'lldp' | 'mac_table' | 'inventory' | 'cdp' | 'bgp';

export type SnmpWarningCode =
  /** The device does not implement the MIB (its table is empty or absent): normal for many devices. */
  | 'MIB_MISSING'
  /** A walk ended early: the agent answered out of order, erred, or the table passed the walk's value limit. */
  | 'TABLE_TRUNCATED'
  /** A value of the wrong type or shape; the row is skipped or the field left null. */
  | 'BAD_VALUE'
  /** The collector failed on something unforeseen; its records are empty, the device's other collectors go on. */
  | 'COLLECTOR_FAILED';

export interface SnmpWarning {
  code: SnmpWarningCode;
  collector: SnmpCollectorType;
  message: string;
  /** The table or column concerned. */
  oid?: string;
}

/** One collector's output for one device: plain records, and what could not be read as it should. */
export interface Collected<T> {
  records: T[];
  warnings: SnmpWarning[];
}
