import { catalogEventSchema, runEventSchema, scheduleChangedSchema } from '@yardmaster/contracts';
import { projectCatalogEvent } from '../catalog/catalog-events.projector';
import { projectRunEventWithSchedule } from '../schedules/schedule-run-events.projector';
import { projectScheduleEvent } from '../schedules/schedule-events.projector';
import { applyOnce } from './apply-once';
import { consumedStream, type ConsumerDefinition } from './consumer-definition';

/** The projection's own consumer: each stream's events applied to the read models in order, exactly once. */
export const READ_MODELS_CONSUMER: ConsumerDefinition = {
  durableName: 'projectionConsumer',
  purpose: 'Projecting',
  streams: [
    consumedStream('catalog', catalogEventSchema, (dataSource, message) => applyOnce(dataSource, message, projectCatalogEvent)),
    consumedStream('runs', runEventSchema, (dataSource, message) => applyOnce(dataSource, message, projectRunEventWithSchedule)),
    consumedStream('schedules', scheduleChangedSchema, (dataSource, message) => applyOnce(dataSource, message, projectScheduleEvent)),
  ],
};
