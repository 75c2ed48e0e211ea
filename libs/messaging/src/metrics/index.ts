export * from './metrics-registry';
export * from './metrics-server';
export * from './nats-metrics';
export * from './metrics.module';
export * from './http-metrics.middleware';
