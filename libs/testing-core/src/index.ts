export * from './wait-for';
export * from './test-environment';
export * from './test-streams';
export * from './empty-test-database';
export * from './own-servers';
export * from './prometheus-text';
export * from './snmp-simulator';
export * from './fake-devices';
