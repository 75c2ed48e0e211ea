export * from './wait-for';
export * from './test-environment';
export * from './test-database';
export * from './test-streams';
export * from './service-processes';
export * from './own-servers';
export * from './chaos';
