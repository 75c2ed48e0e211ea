export * from './memory-summary';
export * from './proc-readings';
