import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceChassisModule } from '@yardmaster/messaging';
import { ReadModelsModule } from '@yardmaster/read-models';
import { AUDIT_CONSUMER } from './audit/audit.consumer';
import type { ProjectionConfig } from './config';
import { CONSUMER_DEFINITIONS } from './consumer/consumer-definition';
import { DurableConsumers } from './consumer/durable-consumers';
import { DurableConsumersService } from './consumer/durable-consumers.service';
import { readModelsConsumer } from './consumer/read-models.consumer';
import { projectionHealth } from './health/projection-health';
import { ProjectionGauges } from './metrics/projection-gauges';
import { RunMetrics } from './metrics/run-metrics';
import { LiveRunsResponder } from './live-runs/live-runs.responder';
import { ReplayParkedEvents } from './parked/replay-parked-events';
import { ReplayParkedResponder } from './parked/replay-parked.responder';
import { PruneDataResponder } from './retention/prune-data.responder';
import { RebuildReadModelsResponder } from './rebuild/rebuild.responder';
import { RunsWithoutRequestResponder } from './runs-without-request/runs-without-request.responder';
import { PROJECTION_CONFIG } from './projection-config.token';

@Module({})
export class ProjectionModule {
  static forConfig(config: ProjectionConfig): DynamicModule {
    return {
      module: ProjectionModule,
      imports: [
        ServiceChassisModule.forService({ service: 'projection', instanceId: config.projectionId, shared: config.shared, metrics: config.metrics, health: projectionHealth }),
        ReadModelsModule.forRoot({ databaseUrl: config.database.databaseUrl, applicationName: 'yardmaster-projection' }),
      ],
      providers: [
        { provide: PROJECTION_CONFIG, useValue: config },
        DurableConsumers,
        RunMetrics,
        ProjectionGauges,
        { provide: CONSUMER_DEFINITIONS, inject: [RunMetrics], useFactory: (metrics: RunMetrics) => [readModelsConsumer((facts) => metrics.observe(facts)), AUDIT_CONSUMER] },
        DurableConsumersService,
        LiveRunsResponder,
        ReplayParkedEvents,
        ReplayParkedResponder,
        RunsWithoutRequestResponder,
        PruneDataResponder,
        RebuildReadModelsResponder,
      ],
    };
  }
}
