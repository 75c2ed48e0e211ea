import { healthPingProviders } from '@yardmaster/messaging';
import { COLLECTOR_CONFIG } from '../collector-config.token';
import type { CollectorConfig } from '../config';
import { CollectorWorkersService } from '../worker/collector-workers.service';

/** A collector is ready once its Temporal workers poll. */
export const collectorHealth = healthPingProviders({
  inject: [COLLECTOR_CONFIG, CollectorWorkersService],
  useFactory: (config: CollectorConfig, workers: CollectorWorkersService) => ({
    instance: config.shared.instance,
    service: 'collector',
    instanceId: config.collectorId,
    checks: { temporalWorkers: () => workers.isPolling() },
  }),
});
