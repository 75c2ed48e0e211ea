import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { MulterModule } from '@nestjs/platform-express';
import { ServiceChassisModule } from '@yardmaster/messaging';
import { InventoryModule } from '@yardmaster/inventory';
import { ReadModelsModule } from '@yardmaster/read-models';
import { API_CONFIG } from './api-config.token';
import type { ApiConfig } from './config';
import { AuthGuard } from './auth/auth.guard';
import { FailedAuthentications } from './auth/failed-authentications/failed-authentications';
import { FirstAdminService } from './auth/first-admin.service';
import { IDENTITY_PROVIDERS } from './auth/identity.providers';
import { PrincipalResponder } from './auth/run-as/principal.responder';
import { RunAsResolver } from './auth/run-as/run-as';
import { ReloadCatalogHttpController } from './catalog/reload-catalog.http.controller';
import { HealthHttpController } from './health/health.http.controller';
import { INVENTORY_HTTP_CONTROLLERS } from './inventory/inventory-http-controllers';
import { ErrorFilter } from './http/error.filter';
import { NulFreeInputPipe } from './http/untrusted-input/nul-free-input.pipe';
import { SchedulerCommands } from './http/scheduler-commands';
import { OverrideJobHttpController } from './jobs/override-job/override-job.http.controller';
import { ManageSchedulesHttpController } from './schedules/manage-schedules/manage-schedules.http.controller';
import { JobsHttpController } from './jobs/jobs.http.controller';
import { CancelRunHttpController } from './runs/cancel-run/cancel-run.http.controller';
import { RunsHttpController } from './runs/read-runs/runs.http.controller';
import { RunRequester } from './runs/run-requester';
import { JobRunPermission } from './runs/start-run/job-run-permission';
import { RunUploads } from './runs/start-run/run-uploads';
import { StartRunHttpController } from './runs/start-run/start-run.http.controller';
import { StreamRunEventsHttpController } from './runs/stream-run-events/stream-run-events.http.controller';
import { SchedulesHttpController } from './schedules/read-schedules/schedules.http.controller';
import { GroupsHttpController } from './users/groups.http.controller';
import { MeHttpController } from './users/me.http.controller';
import { UserTokensHttpController } from './users/user-tokens.http.controller';
import { UsersHttpController } from './users/users.http.controller';
import { IdentityEventPublisher } from './users/identity-event-publisher';
import { AuditHttpController } from './audit/audit.http.controller';
import { ParkedEventsHttpController } from './parked-events/parked-events.http.controller';

/** The largest text part of a multipart request (multer's own default, said out loud). */
const MAX_FORM_TEXT_PART_BYTES = 1024 * 1024;

/** Every controller of the API; a unit test checks that each of their routes declares who may use it. */
export const API_CONTROLLERS: readonly Type[] = [
  JobsHttpController,
  StartRunHttpController,
  CancelRunHttpController,
  RunsHttpController,
  HealthHttpController,
  StreamRunEventsHttpController,
  ManageSchedulesHttpController,
  SchedulesHttpController,
  OverrideJobHttpController,
  ReloadCatalogHttpController,
  UsersHttpController,
  GroupsHttpController,
  UserTokensHttpController,
  MeHttpController,
  AuditHttpController,
  ParkedEventsHttpController,
  ...INVENTORY_HTTP_CONTROLLERS,
];

@Module({})
export class ApiModule {
  static forConfig(config: ApiConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ServiceChassisModule.forService({ service: 'api', instanceId: config.apiId, shared: config.shared }),
        ReadModelsModule.forRoot({ databaseUrl: config.database.databaseUrl, applicationName: 'yardmaster-api' }),
        InventoryModule.forRoot({ databaseUrl: config.database.databaseUrl, applicationName: 'yardmaster-api' }),
        // Memory storage (multer's default without `dest`): uploads go straight on to the run-files bucket, never to disk.
        // A text part (a run's `data` as JSON text) is at most 1 MiB: a larger one is 400 MALFORMED_REQUEST.
        MulterModule.register({ limits: { fileSize: config.maxUploadBytes, files: 20, fields: 20, fieldSize: MAX_FORM_TEXT_PART_BYTES } }),
      ],
      controllers: [...API_CONTROLLERS],
      providers: [
        { provide: API_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: ErrorFilter },
        // Before any other pipe and any handler: no text holding NUL gets further than this.
        { provide: APP_PIPE, useClass: NulFreeInputPipe },
        ...IDENTITY_PROVIDERS,
        { provide: FailedAuthentications, useFactory: (apiConfig: ApiConfig) => new FailedAuthentications(apiConfig.failedAuthentication), inject: [API_CONFIG] },
        // Deny by default: every route passes the guard, and a route that declares no access rule is refused.
        { provide: APP_GUARD, useClass: AuthGuard },
        FirstAdminService,
        IdentityEventPublisher,
        SchedulerCommands,
        RunRequester,
        JobRunPermission,
        RunUploads,
        RunAsResolver,
        PrincipalResponder,
      ],
    };
  }
}
