export * from './log-context';
export * from './log-fields';
export * from './service-log';
export * from './correlation-id.middleware';
export * from './service-chassis.module';
export * from './temporal-log';
