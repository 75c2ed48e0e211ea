import type { StreamNames } from '@yardmaster/contracts';
import type { EventStream } from '../consumer/consumer-definition';

/** The read models a rebuild can restore, each by name: `--model runs`. */
export const READ_MODELS_REBUILT = ['runs', 'logs', 'schedules', 'catalog', 'audit', 'facts'] as const;
export type ReadModelName = (typeof READ_MODELS_REBUILT)[number];

/** What `--model` accepts: one read model, or all of them. */
export type RebuildTarget = ReadModelName | 'all';

export type ConsumerName = keyof Pick<StreamNames, 'projectionConsumer' | 'auditConsumer'>;

/** Which events of a stream a read model needs, read by subject without decoding: the bulk of the runs stream is logs. */
export type EventsNeeded = 'all' | 'logs only' | 'all but logs';

/** A stream a model's rebuild replays, through one consumer's handlers, and which of its events. */
export interface ReplayedStream {
  readonly consumer: ConsumerName;
  readonly stream: EventStream;
  readonly events: EventsNeeded;
}

/**
 * A read model: the tables it swaps, the streams it is built from (with every table its projector reads, so that
 * what it writes comes out as the live projection wrote it), and the columns that hold when the projection applied
 * an event rather than anything the event said, which a rebuild cannot reproduce and so does not compare.
 */
export interface ReadModelTables {
  readonly tables: readonly string[];
  readonly replays: readonly ReplayedStream[];
  readonly projectionTimes: Readonly<Record<string, readonly string[]>>;
}

const PROJECTION = 'projectionConsumer';

export const READ_MODEL_TABLES: Readonly<Record<ReadModelName, ReadModelTables>> = {
  catalog: {
    tables: ['job_definitions'],
    replays: [{ consumer: PROJECTION, stream: 'catalog', events: 'all' }],
    projectionTimes: { job_definitions: ['created_at'] },
  },
  runs: {
    // job_run_counts is kept by triggers on job_runs: it comes with it.
    tables: ['job_runs', 'job_run_counts'],
    replays: [{ consumer: PROJECTION, stream: 'runs', events: 'all but logs' }],
    projectionTimes: { job_runs: ['updated_at'] },
  },
  logs: {
    tables: ['job_log_entries'],
    replays: [{ consumer: PROJECTION, stream: 'runs', events: 'logs only' }],
    projectionTimes: {},
  },
  schedules: {
    // A schedule's row counts its runs and follows its last run's status: it reads job_runs as the runs leave it.
    tables: ['schedules'],
    replays: [
      { consumer: PROJECTION, stream: 'schedules', events: 'all' },
      { consumer: PROJECTION, stream: 'runs', events: 'all but logs' },
    ],
    projectionTimes: {},
  },
  facts: {
    tables: ['facts_reports', 'facts_report_entries'],
    replays: [{ consumer: PROJECTION, stream: 'facts', events: 'all' }],
    projectionTimes: {},
  },
  audit: {
    tables: ['audit_entries'],
    replays: (['runs', 'schedules', 'catalog', 'identity', 'facts'] as const).map((stream) => ({ consumer: 'auditConsumer' as const, stream, events: 'all' as const })),
    projectionTimes: { audit_entries: ['recorded_at'] },
  },
};

/** The models a target names, in a fixed order. */
export function modelsOf(target: RebuildTarget): readonly ReadModelName[] {
  return target === 'all' ? READ_MODELS_REBUILT : [target];
}

/**
 * The streams to replay for some models: one entry per consumer and stream, with the union of the events they need
 * (logs only and all but logs make all).
 */
export function replaysFor(models: readonly ReadModelName[]): ReplayedStream[] {
  const merged = new Map<string, ReplayedStream>();
  for (const model of models) {
    for (const replay of READ_MODEL_TABLES[model].replays) {
      const key = `${replay.consumer}/${replay.stream}`;
      const before = merged.get(key);
      merged.set(key, before && before.events !== replay.events ? { ...replay, events: 'all' } : replay);
    }
  }
  return [...merged.values()];
}

/** The tables some models swap, in the order given. */
export function tablesOf(models: readonly ReadModelName[]): string[] {
  return models.flatMap((model) => READ_MODEL_TABLES[model].tables);
}

/** Whether a run-stream subject carries log entries (`<instance>.run.<id>.log`, `.log_batch`). */
export function isLogSubject(subject: string): boolean {
  return subject.endsWith('.log') || subject.endsWith('.log_batch');
}

/** Whether a replay skips an event on this subject unread. */
export function skipsSubject(events: EventsNeeded, subject: string): boolean {
  if (events === 'all') return false;
  return events === 'logs only' ? !isLogSubject(subject) : isLogSubject(subject);
}
