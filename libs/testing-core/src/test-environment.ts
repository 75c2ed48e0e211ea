import { randomBytes } from 'node:crypto';
import { DEFAULT_DATABASE_URL, DEFAULT_NATS_URL, DEFAULT_TEMPORAL_ADDRESS } from '@yardmaster/config';

/**
 * Where tests find the real dependencies: the same variables and defaults as the services, so
 * `npm test` runs against whatever the launcher made sure of.
 */
export const testDependencies = {
  databaseUrl: process.env.YARD_DATABASE_URL || DEFAULT_DATABASE_URL,
  natsUrl: process.env.YARD_NATS_URL || DEFAULT_NATS_URL,
  temporalAddress: process.env.TEMPORAL_ADDRESS || DEFAULT_TEMPORAL_ADDRESS,
  temporalNamespace: process.env.TEMPORAL_NAMESPACE || 'default',
};

/** A fresh instance name: its subjects, streams and task queues are the test's alone. */
export function uniqueInstanceName(prefix = 't'): string {
  return `${prefix}${randomBytes(5).toString('hex')}`;
}
