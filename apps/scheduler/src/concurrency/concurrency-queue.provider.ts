import type { NatsConnection } from '@nats-io/nats-core';
import { ConcurrencyQueue, NATS_CONNECTION } from '@yardmaster/messaging';
import type { SchedulerConfig } from '../config';
import { SCHEDULER_CONFIG } from '../scheduler-config.token';

export const concurrencyQueueProvider = {
  provide: ConcurrencyQueue,
  useFactory: (nc: NatsConnection, config: SchedulerConfig) => ConcurrencyQueue.open(nc, config.shared.instance),
  inject: [NATS_CONNECTION, SCHEDULER_CONFIG],
};
