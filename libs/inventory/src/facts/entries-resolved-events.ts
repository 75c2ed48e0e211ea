import { createHash } from 'node:crypto';
import { newEvent, type FactsEntriesResolved } from '@yardmaster/contracts';
import type { FactsEntryOutcome } from './apply-facts-entries';

/** Outcomes per `facts.entries_resolved` event: a thousand stay far below NATS's 1 MiB message. */
export const FACTS_OUTCOMES_PER_EVENT = 1000;

export interface EntriesResolution {
  readonly reportId: string;
  readonly outcomes: readonly FactsEntryOutcome[];
  /** A username, or the run's actor when a plan run in apply mode applies its own report. */
  readonly resolvedBy: string;
  readonly resolvedAt: string;
  readonly correlationId: string;
}

/**
 * The events that record a resolution, a thousand outcomes each. An entry is resolved once, so the entries an
 * event names identify it: its id is derived from them, and publishing the same resolution again (a retry) is
 * stored once.
 */
export function entriesResolvedEvents(resolution: EntriesResolution): FactsEntriesResolved[] {
  const { reportId, outcomes, resolvedBy, resolvedAt, correlationId } = resolution;
  const events: FactsEntriesResolved[] = [];
  for (let start = 0; start < outcomes.length; start += FACTS_OUTCOMES_PER_EVENT) {
    const chunk = outcomes.slice(start, start + FACTS_OUTCOMES_PER_EVENT);
    const digest = createHash('sha256')
      .update(chunk.map((outcome) => outcome.id).sort().join('\n'))
      .digest('hex')
      .slice(0, 32);
    events.push(
      newEvent({
        id: `${reportId}:entries_resolved:${digest}`,
        type: 'facts.entries_resolved',
        occurredAt: resolvedAt,
        aggregateId: reportId,
        sequence: 0,
        correlationId,
        actor: resolvedBy,
        data: { resolvedBy, resolvedAt, entries: chunk },
      }),
    );
  }
  return events;
}
