export * from './health-ping-options';
export * from './health-ping';
export * from './health-ping.service';
