import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { catalogEventSchema } from '../catalog/job-overrides';
import { factsEventSchema } from '../events/facts-events';
import { identityEventSchema } from '../events/identity-events';
import { runEventSchema } from '../events/run-events';
import { scheduleChangedSchema } from '../events/schedule-events';
import { readEvent } from './upcasters';

/** One line of the recording: the stream that stored the event, its subject (instance `evrec`) and the event as stored. */
interface RecordedEvent {
  readonly stream: 'runs' | 'facts' | 'identity' | 'catalog' | 'schedules';
  readonly subject: string;
  readonly event: { readonly type: string; readonly version: number };
}

const RECORDED_V1 = join(__dirname, 'recorded', 'events-v1.jsonl');

function recordedEvents(): RecordedEvent[] {
  return readFileSync(RECORDED_V1, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RecordedEvent);
}

const READERS: Record<RecordedEvent['stream'], z.ZodType> = { runs: runEventSchema, facts: factsEventSchema, identity: identityEventSchema, catalog: catalogEventSchema, schedules: scheduleChangedSchema };

describe('a stream written by version 1 (recorded/events-v1.jsonl)', () => {
  const recorded = recordedEvents();

  it('holds every event type version 1 had, as a stack wrote them', () => {
    const types = new Set(recorded.map(({ event }) => event.type));
    expect(types.size).toBe(34);
    expect(recorded.every(({ event }) => event.version === 1)).toBe(true);
  });

  it('is read by this build: each event, upcast to its current version, matches its stream’s schema', () => {
    // A change of an event's shape without its upcaster (upcasters.ts) fails here, naming the event and the field.
    const unreadable = recorded.flatMap(({ stream, subject, event }) => {
      try {
        readEvent(READERS[stream], event, `Event ${subject}`);
        return [];
      } catch (error) {
        return [(error as Error).message];
      }
    });
    expect(unreadable).toEqual([]);
  });
});
