export * from './config-error';
export * from './env-reader';
export * from './shared-config';
export * from './load-config';
export * from './secrets-key';
export * from './start-failure';
export * from './service-runtime';
