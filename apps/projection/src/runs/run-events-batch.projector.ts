import type { RunEvent, RunLogEvent } from '@yardmaster/contracts';
import type { StreamMessage } from '@yardmaster/messaging';
import type { EntityManager } from '@yardmaster/read-models';
import { projectRunEventWithSchedule } from '../schedules/schedule-run-events.projector';
import { groupLogEntries } from './group-log-entries';
import { insertLogEntries } from './log-entries.writer';

/**
 * A batch of run events, in stream order, inside its transaction: log entries that follow each other are stored
 * with one statement (a job logging fast sends little else), single entries and batches of them alike, every other event as the single-event path applies it.
 * Resolves to the number of log entries newly stored (one stored before is left as it is).
 */
export async function projectRunEventsInBatch(manager: EntityManager, messages: ReadonlyArray<StreamMessage<RunEvent>>): Promise<number> {
  let linesStored = 0;
  for (const stretch of groupLogEntries(messages)) {
    if ('other' in stretch) await projectRunEventWithSchedule(manager, stretch.other.event, stretch.other.streamSequence);
    else linesStored += await insertLogEntries(manager, stretch.logEntries.map(({ event, streamSequence }) => ({ event: event as RunLogEvent, streamSequence })));
  }
  return linesStored;
}
