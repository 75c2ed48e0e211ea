import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule } from '@yardmaster/messaging';
import { CatalogReader } from './catalog/catalog-reader';
import type { SchedulerConfig } from './config';
import { SchedulerHealthService } from './health/scheduler-health.service';
import { SCHEDULER_CONFIG } from './scheduler-config.token';
import { StartRunHandler } from './start-run/start-run.handler';
import { StartRunMessageController } from './start-run/start-run.message-controller';
import { TemporalClientProvider } from './temporal/temporal-client.provider';

@Module({})
export class SchedulerModule {
  static forConfig(config: SchedulerConfig): DynamicModule {
    return {
      module: SchedulerModule,
      imports: [MessagingModule.forRoot({ natsUrl: config.shared.natsUrl, clientName: config.schedulerId, ensureStreamsOf: config.shared.instance })],
      providers: [
        { provide: SCHEDULER_CONFIG, useValue: config },
        { provide: TemporalClientProvider, useValue: new TemporalClientProvider(config.temporal) },
        CatalogReader,
        StartRunHandler,
        StartRunMessageController,
        SchedulerHealthService,
      ],
    };
  }
}
