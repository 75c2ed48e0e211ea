import type { ServiceHealth } from '@yardmaster/messaging';
import { TemporalClientProvider } from '../temporal/temporal-client.provider';

/**
 * Temporal is a dependency, not one of the scheduler's own parts: with it down the scheduler stays ready and answers
 * every command (with 503 naming Temporal). The API never talks to Temporal; it learns Temporal's state from here.
 */
export const schedulerHealth: ServiceHealth = {
  inject: [TemporalClientProvider],
  useFactory: (temporal: TemporalClientProvider) => ({
    dependencies: { temporal: { label: 'Temporal', address: temporal.address, isReachable: () => temporal.isHealthy() } },
  }),
};
