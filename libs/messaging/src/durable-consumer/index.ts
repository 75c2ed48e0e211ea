export * from './stream-message';
export * from './ensure-durable-consumer';
export * from './redelivery-policy';
export * from './outage-watch';
export * from './consume-durable';
export * from './consumer-backlog';
