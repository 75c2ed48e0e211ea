import type { ServiceHealth } from '@yardmaster/messaging';
import { CollectorWorkersService } from '../worker/collector-workers.service';

/** A collector is ready once its Temporal workers poll. */
export const collectorHealth: ServiceHealth = {
  inject: [CollectorWorkersService],
  useFactory: (workers: CollectorWorkersService) => ({ checks: { temporalWorkers: () => workers.isPolling() } }),
};
