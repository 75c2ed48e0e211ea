import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { ServiceChassisModule } from '@yardmaster/messaging';
import { IdentityModule as IdentityStoreModule } from '@yardmaster/identity';
import { InventoryModule } from '@yardmaster/inventory';
import { ReadModelsModule } from '@yardmaster/read-models';
import { ApiConfigModule } from './api-config.module';
import type { ApiConfig } from './config';
import { AuditModule } from './audit/audit.module';
import { CollectionPlansModule } from './collection-plans/collection-plans.module';
import { CredentialsModule } from './credentials/credentials.module';
import { FactsReportsModule } from './facts-reports/facts-reports.module';
import { ApiHttpModule } from './http/api-http.module';
import { InventoryHttpModule } from './inventory/inventory-http.module';
import { JobsModule } from './jobs/jobs.module';
import { OperationsModule } from './operations/operations.module';
import { RunsModule } from './runs/runs.module';
import { SchedulesModule } from './schedules/schedules.module';
import { IdentityModule } from './users/identity.module';

/** The API's features, a Nest module each with its controllers and the query services they read through. */
export const API_FEATURE_MODULES: readonly Type[] = [RunsModule, JobsModule, SchedulesModule, IdentityModule, InventoryHttpModule, CredentialsModule, CollectionPlansModule, FactsReportsModule, AuditModule, OperationsModule];

/** Every controller of the API, read from its feature modules; a unit test checks that each of their routes declares who may use it. */
export const API_CONTROLLERS: readonly Type[] = API_FEATURE_MODULES.flatMap((feature) => (Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, feature) ?? []) as Type[]);

@Module({})
export class ApiModule {
  static forConfig(config: ApiConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ApiConfigModule.forConfig(config),
        ServiceChassisModule.forService({ service: 'api', instanceId: config.apiId, shared: config.shared, metrics: config.metrics }),
        ReadModelsModule.forRoot({ databaseUrl: config.database.databaseUrl, applicationName: 'yardmaster-api' }),
        InventoryModule.forRoot({ databaseUrl: config.database.databaseUrl, applicationName: 'yardmaster-api' }),
        IdentityStoreModule.forRoot({ databaseUrl: config.database.databaseUrl, applicationName: 'yardmaster-api-identity' }),
        // The error filter, the input pipe and the auth guard, for every feature's routes.
        ApiHttpModule,
        ...API_FEATURE_MODULES,
      ],
    };
  }
}
