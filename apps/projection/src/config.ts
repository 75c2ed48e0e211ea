import { readDatabaseConfig, readSharedConfig, type DatabaseConfig, type EnvReader, type SharedConfig } from '@yardmaster/config';
import { hostname } from 'node:os';

export interface ProjectionConfig {
  readonly shared: SharedConfig;
  readonly database: DatabaseConfig;
  readonly projectionId: string;
}

export function readProjectionConfig(env: EnvReader): ProjectionConfig {
  return {
    shared: readSharedConfig(env),
    database: readDatabaseConfig(env),
    projectionId: env.string('YARD_PROJECTION_ID', `projection@${hostname()}:${process.pid}`),
  };
}
