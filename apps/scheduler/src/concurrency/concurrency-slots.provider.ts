import type { NatsConnection } from '@nats-io/nats-core';
import { ConcurrencySlots, NATS_CONNECTION } from '@yardmaster/messaging';
import type { SchedulerConfig } from '../config';
import { SCHEDULER_CONFIG } from '../scheduler-config.token';

export const concurrencySlotsProvider = {
  provide: ConcurrencySlots,
  useFactory: (nc: NatsConnection, config: SchedulerConfig) => ConcurrencySlots.open(nc, config.shared.instance),
  inject: [NATS_CONNECTION, SCHEDULER_CONFIG],
};
