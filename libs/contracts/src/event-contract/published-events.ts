import type { z } from 'zod';
import { jobOverriddenSchema } from '../catalog/job-overrides';
import { catalogAnnouncedSchema } from '../events/catalog-events';
import { factsEventKind, factsEventSchema, type FactsEventType } from '../events/facts-events';
import { identityEventSchema } from '../events/identity-events';
import { runEventKind, runEventSchema, TERMINAL_RUN_EVENT_TYPES, type RunEventType } from '../events/run-events';
import { scheduleChangedSchema } from '../events/schedule-events';
import type { ServiceName } from '../naming/subjects';
import { streamNamesFor } from '../naming/streams';
import { subjectsFor } from '../naming/subjects';

/** One kind of event as another team's service sees it: its subject, its stream, who publishes it, its schema. */
export interface PublishedEvent {
  readonly type: string;
  /** The subject, with `{instance}` and the aggregate's id as parameters: `{instance}.run.{runId}.completed`. */
  readonly subject: string;
  /** The JetStream stream that keeps it, `{INSTANCE}` standing for the instance in upper case. */
  readonly stream: string;
  readonly publishedBy: readonly ServiceName[];
  readonly summary: string;
  /** The runtime schema the producers build it with and the projection reads it with. */
  readonly schema: z.ZodType;
}

// Templates, read from the same functions the services build subjects and stream names with.
const SUBJECTS = subjectsFor('{instance}');
const STREAMS = streamNamesFor('{instance}');

const RUN_SUMMARIES: Record<RunEventType, readonly [readonly ServiceName[], string]> = {
  'run.requested': [['scheduler'], 'A run was accepted: its job, data (sensitive values sealed), requester, queue, timeouts. The first event of every run'],
  'run.queued': [['collector'], 'A scheduled run’s time has come: it now waits for a worker or a concurrency slot'],
  'run.started': [['collector'], 'The run’s workflow has started (its first workflow task)'],
  'run.step_started': [['collector'], 'An attempt of a step began on a collector'],
  'run.log': [['collector'], 'One log entry (older producers; current ones send run.log_batch)'],
  'run.log_batch': [['collector'], 'Consecutive log entries of one step attempt, in the order written (up to 256 entries, 64 KiB)'],
  'run.progress': [['collector'], 'The job’s progress counts (items total, done, failed)'],
  'run.cancel_requested': [['scheduler'], 'Somebody asked to cancel the run'],
  'run.completed': [['collector', 'scheduler'], 'The run ended well, with its result'],
  'run.failed': [['collector', 'scheduler'], 'The run ended with failures its job logged'],
  'run.errored': [['collector', 'scheduler'], 'The run ended on an exception or an infrastructure fault'],
  'run.cancelled': [['collector', 'scheduler'], 'The run was cancelled'],
  'run.timed_out': [['collector', 'scheduler'], 'The run ran out of its time'],
};

const FACTS_SUMMARIES: Record<FactsEventType, string> = {
  'facts.report_opened': 'A plan run opened its facts report (the plan as it ran)',
  'facts.entries_detected': 'What one collector type found on one device, entry by entry, with the action it proposes',
  'facts.device_failed': 'A device could not be collected, with its code and message',
  'facts.entries_resolved': 'Entries applied, skipped or failed, by a person or by the run in apply mode',
  'facts.report_closed': 'The plan run closed its report',
};

function typeOf(schema: z.ZodType): string {
  return (schema as unknown as { shape: { type: { value: string } } }).shape.type.value;
}

function runEvents(): PublishedEvent[] {
  return runEventSchema.options.map((schema) => {
    const type = typeOf(schema) as RunEventType;
    const [publishedBy, summary] = RUN_SUMMARIES[type];
    const ending = TERMINAL_RUN_EVENT_TYPES.includes(type) ? ' Exactly one terminal event ends each run.' : '';
    return { type, subject: SUBJECTS.runEvent('{runId}', runEventKind(type)), stream: STREAMS.runs, publishedBy, summary: `${summary}.${ending}`, schema };
  });
}

function factsEvents(): PublishedEvent[] {
  return factsEventSchema.options.map((schema) => {
    const type = typeOf(schema) as FactsEventType;
    const publishedBy: ServiceName[] = type === 'facts.entries_resolved' ? ['collector', 'api'] : ['collector'];
    return { type, subject: SUBJECTS.factsEvent('{reportId}', factsEventKind(type)), stream: STREAMS.facts, publishedBy, summary: `${FACTS_SUMMARIES[type]}.`, schema };
  });
}

function identityEvents(): PublishedEvent[] {
  return identityEventSchema.options.map((schema) => {
    const type = typeOf(schema);
    const what = type.slice('identity.'.length).replace(/_/g, ' ');
    return { type, subject: SUBJECTS.identityEvent(type.slice('identity.'.length)), stream: STREAMS.identity, publishedBy: ['api'], summary: `An administrator’s change to identity or secrets (${what}), for the audit. Secrets never travel: only that they were set.`, schema };
  });
}

/**
 * Every event Yardmaster publishes on JetStream, read from the same runtime schemas (and their unions) the services
 * publish and project with: a type added to a union is in the published contract at once.
 */
export function publishedEvents(): PublishedEvent[] {
  return [
    ...runEvents(),
    ...factsEvents(),
    { type: 'schedule.changed', subject: SUBJECTS.scheduleChanged('{scheduleId}'), stream: STREAMS.schedules, publishedBy: ['scheduler'], summary: 'A schedule was created, edited, paused, resumed, triggered or deleted: its whole state after the change.', schema: scheduleChangedSchema },
    { type: 'catalog.announced', subject: SUBJECTS.catalogAnnounced, stream: STREAMS.catalog, publishedBy: ['collector'], summary: 'A collector’s job catalog, as it starts and after each reload.', schema: catalogAnnouncedSchema },
    { type: 'catalog.job_overridden', subject: SUBJECTS.jobOverridden('{jobId}'), stream: STREAMS.catalog, publishedBy: ['scheduler'], summary: 'An administrator’s overrides of one job (enabled, timeouts, queue, …), its newest state.', schema: jobOverriddenSchema },
    ...identityEvents(),
  ];
}
