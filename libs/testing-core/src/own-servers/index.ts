export * from './free-port';
export * from './own-nats-server';
export * from './own-postgres-server';
export * from './own-temporal-server';
export * from './start-together';
