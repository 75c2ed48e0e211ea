import { Module } from '@nestjs/common';
import { ApiHttpModule } from '../http/api-http.module';
import { IdentityModule } from '../users/identity.module';
import { ManageSchedulesHttpController } from './manage-schedules/manage-schedules.http.controller';
import { PostgresSchedulesQueries } from './read-schedules/postgres-schedules.queries';
import { SchedulesHttpController } from './read-schedules/schedules.http.controller';
import { SchedulesQueries } from './read-schedules/schedules.queries';

/** Schedules: read from the projection's read model, changed by asking the scheduler. */
@Module({
  imports: [ApiHttpModule, IdentityModule],
  controllers: [ManageSchedulesHttpController, SchedulesHttpController],
  providers: [{ provide: SchedulesQueries, useClass: PostgresSchedulesQueries }],
})
export class SchedulesModule {}
