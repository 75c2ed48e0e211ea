import { catalogEventSchema, factsEventSchema, runEventSchema, scheduleChangedSchema, type RunEvent } from '@yardmaster/contracts';
import type { StreamMessage } from '@yardmaster/messaging';
import type { DataSource } from '@yardmaster/read-models';
import { runFactsOf, type RunFacts } from '../metrics/run-facts';
import { projectCatalogEvent } from '../catalog/catalog-events.projector';
import { projectFactsEvent } from '../facts/facts-events.projector';
import { projectRunEventsInBatch } from '../runs/run-events-batch.projector';
import { isLogEntry } from '../runs/group-log-entries';
import { insertLogEntries } from '../runs/log-entries.writer';
import { projectRunEventWithSchedule } from '../schedules/schedule-run-events.projector';
import { projectScheduleEvent } from '../schedules/schedule-events.projector';
import { applyBatchOnce, eachInTurn } from './apply-batch-once';
import { applyOnce } from './apply-once';
import { consumedStream, type ConsumerDefinition } from './consumer-definition';

/**
 * The projection's own consumer: each stream's events applied to the read models in order, exactly once, as many
 * as have arrived in one transaction (a batch that fails is applied again event by event). Each run event newly
 * applied is handed to `observeRun` once its transaction has committed (the run metrics); a rebuild observes nothing
 * and passes null.
 */
export function readModelsConsumer(observeRun: ((facts: RunFacts) => void) | null): ConsumerDefinition {
  return {
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
        (dataSource, message) => applyRunEvent(dataSource, message, observeRun),
        { applyBatch: (dataSource, messages) => applyRunEvents(dataSource, messages, observeRun) },
      ),
      consumedStream(
        'schedules',
        scheduleChangedSchema,
        (dataSource, message) => applyOnce(dataSource, message, projectScheduleEvent),
        { applyBatch: (dataSource, messages) => applyBatchOnce(dataSource, messages, eachInTurn(projectScheduleEvent)) },
      ),
      consumedStream(
        'facts',
        factsEventSchema,
        (dataSource, message) => applyOnce(dataSource, message, projectFactsEvent),
        { applyBatch: (dataSource, messages) => applyBatchOnce(dataSource, messages, eachInTurn(projectFactsEvent)) },
      ),
    ],
  };
}

async function applyRunEvent(dataSource: DataSource, message: StreamMessage<RunEvent>, observeRun: ((facts: RunFacts) => void) | null): Promise<boolean> {
  let facts = null as RunFacts | null;
  const applied = await applyOnce(dataSource, message, async (manager, event, position) => {
    if (isLogEntry(event)) {
      // Counted as the batch path counts them: the entries the insert found new (a batch applied before stored them).
      const lines = await insertLogEntries(manager, [{ event, streamSequence: position }]);
      facts = lines > 0 ? { event: 'run.log', lines } : null;
      return;
    }
    facts = runFactsOf(event, await projectRunEventWithSchedule(manager, event, position));
  });
  if (applied && facts && observeRun) observeRun(facts);
  return applied;
}

/**
 * A batch of run events; the facts of those newly applied are taken in its transaction and observed after the commit.
 * Log entries are idempotent by their own key (their event id) and get no `applied_events` row: the lines counted
 * are those the insert found new, so a redelivered batch counts none again.
 */
async function applyRunEvents(dataSource: DataSource, messages: ReadonlyArray<StreamMessage<RunEvent>>, observeRun: ((facts: RunFacts) => void) | null): Promise<number> {
  const facts: RunFacts[] = [];
  const applied = await applyBatchOnce(
    dataSource,
    messages,
    async (manager, fresh) => {
      const { linesStored, others } = await projectRunEventsInBatch(manager, fresh);
      if (linesStored > 0) facts.push({ event: 'run.log', lines: linesStored });
      for (const { event, effect } of others) {
        const fact = runFactsOf(event, effect);
        if (fact) facts.push(fact);
      }
    },
    { idempotentByItself: isLogEntry },
  );
  if (observeRun) for (const fact of facts) observeRun(fact);
  return applied;
}
