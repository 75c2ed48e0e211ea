import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { MessagingModule } from '@yardmaster/messaging';
import { ReadModelsModule } from '@yardmaster/read-models';
import { API_CONFIG } from './api-config.token';
import type { ApiConfig } from './config';
import { ReloadCatalogHttpController } from './catalog/reload-catalog.http.controller';
import { HealthHttpController } from './health/health.http.controller';
import { ErrorFilter } from './http/error.filter';
import { SchedulerCommands } from './http/scheduler-commands';
import { OverrideJobHttpController } from './jobs/override-job/override-job.http.controller';
import { ManageSchedulesHttpController } from './schedules/manage-schedules/manage-schedules.http.controller';
import { JobsHttpController } from './jobs/jobs.http.controller';
import { CancelRunHttpController } from './runs/cancel-run/cancel-run.http.controller';
import { RunsHttpController } from './runs/read-runs/runs.http.controller';
import { StartRunHttpController } from './runs/start-run/start-run.http.controller';
import { StreamRunEventsHttpController } from './runs/stream-run-events/stream-run-events.http.controller';
import { SchedulesHttpController } from './schedules/read-schedules/schedules.http.controller';

@Module({})
export class ApiModule {
  static forConfig(config: ApiConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        MessagingModule.forRoot({ natsUrl: config.shared.natsUrl, clientName: config.apiId, ensureStreamsOf: config.shared.instance }),
        ReadModelsModule.forRoot({ databaseUrl: config.database.databaseUrl, applicationName: 'yardmaster-api' }),
      ],
      controllers: [JobsHttpController, StartRunHttpController, CancelRunHttpController, RunsHttpController, HealthHttpController, StreamRunEventsHttpController, ManageSchedulesHttpController, SchedulesHttpController, OverrideJobHttpController, ReloadCatalogHttpController],
      providers: [{ provide: API_CONFIG, useValue: config }, { provide: APP_FILTER, useClass: ErrorFilter }, SchedulerCommands],
    };
  }
}
