import { Module, type DynamicModule } from '@nestjs/common';
import { InventoryModule } from '@yardmaster/inventory';
import { EventPublisher, METRICS_REGISTRY, ServiceChassisModule } from '@yardmaster/messaging';
import { CancelRunHandler } from './cancel-run/cancel-run.handler';
import { OverrideJobHandler } from './catalog/override-job/override-job.handler';
import { CommandsMessageController } from './commands.message-controller';
import { concurrencyQueueProvider } from './concurrency/concurrency-queue.provider';
import { concurrencySlotsProvider } from './concurrency/concurrency-slots.provider';
import { StaleQueueEntries } from './concurrency/stale-queue-entries';
import { SingletonGuard } from './concurrency/singleton-guard';
import type { SchedulerConfig } from './config';
import { schedulerHealth } from './health/scheduler-health';
import { RunReconciler } from './reconcile/run-reconciler.service';
import { SCHEDULER_CONFIG } from './scheduler-config.token';
import { ScheduleActionHandler } from './schedules/schedule-action/schedule-action.handler';
import { ScheduleRegistry } from './schedules/schedule-registry';
import { ScheduleSyncService } from './schedules/schedule-sync.service';
import { PruneScheduleInstaller } from './schedules/prune-schedule/prune-schedule.installer';
import { SchedulerWorkerService } from './scheduled-run/scheduler-worker.service';
import { UpdateScheduleHandler } from './schedules/update-schedule/update-schedule.handler';
import { UpsertScheduleHandler } from './schedules/upsert-schedule/upsert-schedule.handler';
import { StartRunHandler } from './start-run/start-run.handler';
import { RunActingPrincipal } from './start-run/run-acting-principal';
import { TemporalClientProvider } from './temporal/temporal-client.provider';
import { TemporalMetrics } from './metrics/temporal-metrics';
import type { Registry } from 'prom-client';
import { keyedCommandsProvider } from './idempotency/keyed-commands';
import { AbandonedStarts } from './start-run/abandoned-starts';
import { EventRedelivery } from './start-run/event-redelivery';

@Module({})
export class SchedulerModule {
  static forConfig(config: SchedulerConfig): DynamicModule {
    return {
      module: SchedulerModule,
      imports: [
        ServiceChassisModule.forService({ service: 'scheduler', instanceId: config.schedulerId, shared: config.shared, metrics: config.metrics, health: schedulerHealth }),
        InventoryModule.forRoot({ databaseUrl: config.database.databaseUrl, applicationName: 'yardmaster-scheduler' }),
      ],
      providers: [
        { provide: SCHEDULER_CONFIG, useValue: config },
        {
          provide: TemporalClientProvider,
          inject: [METRICS_REGISTRY],
          useFactory: (registry: Registry) => new TemporalClientProvider(config.temporal, config.temporalCallTimeoutMs, new TemporalMetrics(registry), config.shared.tracing !== null),
        },
        OverrideJobHandler,
        concurrencySlotsProvider,
        concurrencyQueueProvider,
        StaleQueueEntries,
        SingletonGuard,
        StartRunHandler,
        keyedCommandsProvider,
        AbandonedStarts,
        { provide: EventRedelivery, useFactory: (publisher: EventPublisher) => new EventRedelivery(publisher), inject: [EventPublisher] },
        RunActingPrincipal,
        CancelRunHandler,
        RunReconciler,
        CommandsMessageController,
        ScheduleRegistry,
        UpsertScheduleHandler,
        UpdateScheduleHandler,
        ScheduleActionHandler,
        ScheduleSyncService,
        PruneScheduleInstaller,
        SchedulerWorkerService,
      ],
    };
  }
}
