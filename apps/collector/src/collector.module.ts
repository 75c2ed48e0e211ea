import { Module, type DynamicModule } from '@nestjs/common';
import { JobRegistry } from '@yardmaster/job-sdk';
import { MessagingModule } from '@yardmaster/messaging';
import { CatalogAnnouncerService } from './catalog/catalog-announcer.service';
import { COLLECTOR_CONFIG } from './collector-config.token';
import type { CollectorConfig } from './config';
import { BUILTIN_JOB_MODULES } from './jobs/builtin-job-modules';
import { CollectorHealthService } from './health/collector-health.service';
import { CollectorWorkersService } from './worker/collector-workers.service';

@Module({})
export class CollectorModule {
  static forConfig(config: CollectorConfig): DynamicModule {
    return {
      module: CollectorModule,
      imports: [MessagingModule.forRoot({ natsUrl: config.shared.natsUrl, clientName: config.collectorId, ensureStreamsOf: config.shared.instance })],
      providers: [
        { provide: COLLECTOR_CONFIG, useValue: config },
        { provide: JobRegistry, useValue: new JobRegistry(BUILTIN_JOB_MODULES) },
        CollectorWorkersService,
        CatalogAnnouncerService,
        CollectorHealthService,
      ],
    };
  }
}
