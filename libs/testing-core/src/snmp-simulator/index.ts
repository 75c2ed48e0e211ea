export * from './own-snmp-simulator';
export { listRecordings } from './prepared-recordings';
export { snmpsimVenv } from './snmpsim-install';
