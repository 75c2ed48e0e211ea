import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceChassisModule } from '@yardmaster/messaging';
import { ReadModelsModule } from '@yardmaster/read-models';
import { AuditConsumersService } from './audit/audit-consumers.service';
import type { ProjectionConfig } from './config';
import { DurableConsumers } from './consumer/durable-consumers';
import { ProjectionConsumersService } from './consumer/projection-consumers.service';
import { projectionHealth } from './health/projection-health';
import { LiveRunsResponder } from './live-runs/live-runs.responder';
import { ReplayParkedEvents } from './parked/replay-parked-events';
import { ReplayParkedResponder } from './parked/replay-parked.responder';
import { RunsWithoutRequestResponder } from './runs-without-request/runs-without-request.responder';
import { PROJECTION_CONFIG } from './projection-config.token';

@Module({})
export class ProjectionModule {
  static forConfig(config: ProjectionConfig): DynamicModule {
    return {
      module: ProjectionModule,
      imports: [
        ServiceChassisModule.forService({ service: 'projection', instanceId: config.projectionId, shared: config.shared, health: projectionHealth }),
        ReadModelsModule.forRoot({ databaseUrl: config.database.databaseUrl, applicationName: 'yardmaster-projection' }),
      ],
      providers: [
        { provide: PROJECTION_CONFIG, useValue: config },
        DurableConsumers,
        ProjectionConsumersService,
        AuditConsumersService,
        LiveRunsResponder,
        ReplayParkedEvents,
        ReplayParkedResponder,
        RunsWithoutRequestResponder,
      ],
    };
  }
}
