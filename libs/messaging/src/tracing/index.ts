export * from './install-tracing';
export * from './trace-context';
export * from './tracing.module';
export * from './http-tracing.middleware';
