import { factsEventKind, streamNamesFor, subjectsFor, type FactsEntriesDetected, type FactsEntriesResolved, type FactsEntry, type FactsEventType } from '@yardmaster/contracts';
import type { NatsConnection } from '@nats-io/nats-core';
import { followStream, lastSequenceOn } from '@yardmaster/messaging';

/**
 * Every event of one kind of one report, read from the FACTS stream (the collector reads no read model): up to the
 * newest one stored when the read began, which `lastSequenceOn` names, so the read knows when it has them all.
 */
async function readReportEvents<TEvent>(nc: NatsConnection, instance: string, reportId: string, type: FactsEventType): Promise<TEvent[]> {
  const stream = streamNamesFor(instance).facts;
  const subject = subjectsFor(instance).factsEvent(reportId, factsEventKind(type));
  const last = await lastSequenceOn(nc, stream, subject);
  if (last === null) return [];
  const events: TEvent[] = [];
  const follower = await followStream<TEvent>(nc, { stream, filterSubjects: subject, from: 'start' });
  try {
    for await (const message of follower) {
      events.push(message.event);
      if (message.streamSequence >= last) break;
    }
  } finally {
    await follower.close();
  }
  return events;
}

/** The report's entries, each once (the first stored wins, as in the projection), in the order they were stored. */
export async function readReportEntries(nc: NatsConnection, instance: string, reportId: string): Promise<FactsEntry[]> {
  const events = await readReportEvents<FactsEntriesDetected>(nc, instance, reportId, 'facts.entries_detected');
  const entries = new Map<string, FactsEntry>();
  for (const event of events) for (const entry of event.data.entries) if (!entries.has(entry.id)) entries.set(entry.id, entry);
  return [...entries.values()];
}

type ResolvedOutcome = FactsEntriesResolved['data']['entries'][number];

/** The report's resolutions so far: entry id → the first outcome stored (the one the projection keeps). */
export async function readReportResolutions(nc: NatsConnection, instance: string, reportId: string): Promise<Map<string, ResolvedOutcome>> {
  const events = await readReportEvents<FactsEntriesResolved>(nc, instance, reportId, 'facts.entries_resolved');
  const outcomes = new Map<string, ResolvedOutcome>();
  for (const event of events) for (const outcome of event.data.entries) if (!outcomes.has(outcome.id)) outcomes.set(outcome.id, outcome);
  return outcomes;
}
