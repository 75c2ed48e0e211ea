export * from './postgres-connection';
export * from './connection.module';
export * from './run-migrations';
