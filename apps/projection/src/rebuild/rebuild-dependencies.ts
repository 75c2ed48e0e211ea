import type { NatsConnection } from '@nats-io/nats-core';
import type { DataSource } from '@yardmaster/read-models';
import type { ConsumerDefinition } from '../consumer/consumer-definition';
import type { RebuildTarget } from './read-model-tables';

/** What a rebuild works with: the streams, the live database, and the projection's own handlers. */
export interface RebuildDependencies {
  readonly nc: NatsConnection;
  readonly instance: string;
  readonly live: DataSource;
  readonly databaseUrl: string;
  /** The projection's consumer definitions: the rebuild applies events with their handlers. */
  readonly consumers: readonly ConsumerDefinition[];
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
}

/** What a rebuild is asked to do, and by whom. */
export interface RebuildOptions {
  readonly model: RebuildTarget;
  readonly swap: boolean;
  readonly acceptLoss: boolean;
  /** Who asked, for the audit entry (a username, or `cli:<user>`). */
  readonly actor: string;
  readonly correlationId: string;
}
