import { Module } from '@nestjs/common';
import { ApiHttpModule } from '../http/api-http.module';
import { DatabasePing } from './health/database-ping';
import { EventsDocHttpController } from './events-doc/events-doc.http.controller';
import { HealthHttpController } from './health/health.http.controller';
import { ParkedEvents } from './parked-events/parked-events';
import { ParkedEventsHttpController } from './parked-events/parked-events.http.controller';
import { RebuildReadModelsHttpController } from './read-models/rebuild-read-models.http.controller';

/** Keeping the system running: its health and the event contract (public), and the events the projection parked and the read models' rebuild (administrators). */
@Module({
  imports: [ApiHttpModule],
  controllers: [HealthHttpController, ParkedEventsHttpController, EventsDocHttpController, RebuildReadModelsHttpController],
  providers: [DatabasePing, ParkedEvents],
})
export class OperationsModule {}
