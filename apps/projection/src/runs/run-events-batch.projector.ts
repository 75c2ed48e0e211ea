import type { RunEvent, RunLogEvent } from '@yardmaster/contracts';
import type { StreamMessage } from '@yardmaster/messaging';
import type { EntityManager } from '@yardmaster/read-models';
import { projectRunEventWithSchedule } from '../schedules/schedule-run-events.projector';
import { groupLogEntries } from './group-log-entries';
import { insertLogEntries } from './log-entries.writer';
import type { RunEventEffect } from './run-events.projector';

/** What a batch did: the log entries it newly stored, and what each other event did to its run's row, in order. */
export interface RunEventsBatchApplied {
  readonly linesStored: number;
  readonly others: ReadonlyArray<{ readonly event: RunEvent; readonly effect: RunEventEffect | null }>;
}

/**
 * A batch of run events, in stream order, inside its transaction: log entries that follow each other are stored
 * with one statement (a job logging fast sends little else), single entries and batches of them alike, every other event as the single-event path applies it.
 * Log entries stored before are left as they are, and not counted.
 */
export async function projectRunEventsInBatch(manager: EntityManager, messages: ReadonlyArray<StreamMessage<RunEvent>>): Promise<RunEventsBatchApplied> {
  let linesStored = 0;
  const others: Array<RunEventsBatchApplied['others'][number]> = [];
  for (const stretch of groupLogEntries(messages)) {
    if ('other' in stretch) {
      const { event, streamSequence } = stretch.other;
      others.push({ event, effect: await projectRunEventWithSchedule(manager, event, streamSequence) });
    } else linesStored += await insertLogEntries(manager, stretch.logEntries.map(({ event, streamSequence }) => ({ event: event as RunLogEvent, streamSequence })));
  }
  return { linesStored, others };
}
