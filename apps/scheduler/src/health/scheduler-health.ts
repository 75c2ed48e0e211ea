import { healthPingProviders } from '@yardmaster/messaging';
import type { SchedulerConfig } from '../config';
import { SCHEDULER_CONFIG } from '../scheduler-config.token';
import { TemporalClientProvider } from '../temporal/temporal-client.provider';

/**
 * Temporal is a dependency, not one of the scheduler's own parts: with it down the scheduler stays ready and answers
 * every command (with 503 naming Temporal). The API never talks to Temporal; it learns Temporal's state from here.
 */
export const schedulerHealth = healthPingProviders({
  inject: [SCHEDULER_CONFIG, TemporalClientProvider],
  useFactory: (config: SchedulerConfig, temporal: TemporalClientProvider) => ({
    instance: config.shared.instance,
    service: 'scheduler',
    instanceId: config.schedulerId,
    dependencies: { temporal: { label: 'Temporal', address: temporal.address, isReachable: () => temporal.isHealthy() } },
  }),
});
