import { catalogEventSchema, runEventSchema, scheduleChangedSchema, type RunEvent } from '@yardmaster/contracts';
import type { StreamMessage } from '@yardmaster/messaging';
import type { DataSource } from '@yardmaster/read-models';
import { runFactsAfter, type RunFacts } from '../metrics/run-facts';
import { projectCatalogEvent } from '../catalog/catalog-events.projector';
import { projectRunEventWithSchedule } from '../schedules/schedule-run-events.projector';
import { projectScheduleEvent } from '../schedules/schedule-events.projector';
import { applyOnce } from './apply-once';
import { consumedStream, type ConsumerDefinition } from './consumer-definition';

/**
 * The projection's own consumer: each stream's events applied to the read models in order, exactly once. Each run
 * event newly applied is handed to `observeRun` once its transaction has committed (the run metrics).
 */
export function readModelsConsumer(observeRun: (facts: RunFacts) => void): ConsumerDefinition {
  return {
    durableName: 'projectionConsumer',
    purpose: 'Projecting',
    streams: [
      consumedStream('catalog', catalogEventSchema, (dataSource, message) => applyOnce(dataSource, message, projectCatalogEvent)),
      consumedStream('runs', runEventSchema, (dataSource, message) => applyRunEvent(dataSource, message, observeRun)),
      consumedStream('schedules', scheduleChangedSchema, (dataSource, message) => applyOnce(dataSource, message, projectScheduleEvent)),
    ],
  };
}

async function applyRunEvent(dataSource: DataSource, message: StreamMessage<RunEvent>, observeRun: (facts: RunFacts) => void): Promise<boolean> {
  let facts = null as RunFacts | null;
  const applied = await applyOnce(dataSource, message, async (manager, event, position) => {
    await projectRunEventWithSchedule(manager, event, position);
    facts = await runFactsAfter(manager, event);
  });
  if (applied && facts) observeRun(facts);
  return applied;
}
