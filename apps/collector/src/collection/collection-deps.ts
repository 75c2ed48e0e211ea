import type { NatsConnection } from '@nats-io/nats-core';
import type { InventoryStore } from '@yardmaster/inventory';
import type { EventPublisher } from '@yardmaster/messaging';
import type { OpenCredentials } from '../activities/credentials/activity-credentials';
import type { LogDeliveryLimits } from '../activities/log-delivery/log-delivery-limits';
import type { CliAccess } from './cli/cli-access';

/** What a plan run's activities need from the collector. */
export interface CollectionDeps {
  readonly publisher: EventPublisher;
  /** Reads a report's entries back from the FACTS stream when the run applies them. */
  readonly nc: NatsConnection;
  readonly instance: string;
  /** Named in the run step's `run.step_started`, as a job step names its worker. */
  readonly workerId: string;
  readonly inventory: InventoryStore;
  /** The vault's `open`, refused outside an activity. */
  readonly credentials: OpenCredentials;
  readonly logDelivery: { readonly limits: LogDeliveryLimits; readonly natsAddress: string };
  /** SSH sessions and the TextFSM parser, for plans that collect over SSH; absent: such devices fail UNSUPPORTED_PLATFORM. */
  readonly cli?: CliAccess;
}
