import { catalogEventSchema, runEventSchema, scheduleChangedSchema } from '@yardmaster/contracts';
import { projectCatalogEvent } from '../catalog/catalog-events.projector';
import { projectRunEventsInBatch } from '../runs/run-events-batch.projector';
import { projectRunEventWithSchedule } from '../schedules/schedule-run-events.projector';
import { projectScheduleEvent } from '../schedules/schedule-events.projector';
import { applyBatchOnce, eachInTurn } from './apply-batch-once';
import { applyOnce } from './apply-once';
import { consumedStream, type ConsumerDefinition } from './consumer-definition';

/**
 * The projection's own consumer: each stream's events applied to the read models in order, exactly once, as many
 * as have arrived in one transaction (a batch that fails is applied again event by event).
 */
export const READ_MODELS_CONSUMER: ConsumerDefinition = {
  durableName: 'projectionConsumer',
  purpose: 'Projecting',
  streams: [
    consumedStream(
      'catalog',
      catalogEventSchema,
      (dataSource, message) => applyOnce(dataSource, message, projectCatalogEvent),
      { applyBatch: (dataSource, messages) => applyBatchOnce(dataSource, messages, eachInTurn(projectCatalogEvent)) },
    ),
    consumedStream(
      'runs',
      runEventSchema,
      (dataSource, message) => applyOnce(dataSource, message, projectRunEventWithSchedule),
      { applyBatch: (dataSource, messages) => applyBatchOnce(dataSource, messages, projectRunEventsInBatch) },
    ),
    consumedStream(
      'schedules',
      scheduleChangedSchema,
      (dataSource, message) => applyOnce(dataSource, message, projectScheduleEvent),
      { applyBatch: (dataSource, messages) => applyBatchOnce(dataSource, messages, eachInTurn(projectScheduleEvent)) },
    ),
  ],
};
