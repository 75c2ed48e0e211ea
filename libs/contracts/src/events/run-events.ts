import { z } from 'zod';
import { LOG_LEVELS } from '../runs/log-level';
import { jsonObjectSchema, jsonValueSchema } from '../schemas/json-schemas';
import { eventSchema } from './envelope';

export const runRequestedDataSchema = z.object({
  jobId: z.string().min(1),
  jobName: z.string(),
  data: jsonObjectSchema,
  /** Null for a read-only job. */
  commit: z.boolean().nullable(),
  queue: z.string(),
  requestedBy: z.string(),
  /** Who the run acts as; absent in events from before `run_as`, where it is the requester. */
  runAs: z.string().optional(),
  workflowId: z.string(),
  requestedAt: z.string(),
  /** Set for a run a schedule started. */
  scheduleId: z.string().nullish(),
  /** Set for a run requested to start later: it is `scheduled` until then. */
  startAt: z.string().nullish(),
});
export type RunRequestedData = z.infer<typeof runRequestedDataSchema>;

export const runStartedDataSchema = z.object({ jobId: z.string(), workflowId: z.string(), attempt: z.number().int() });
export type RunStartedData = z.infer<typeof runStartedDataSchema>;

/** A reference to the object a log entry is about, e.g. a device. */
export const logObjectRefSchema = z.object({ type: z.string(), id: z.string(), display: z.string().optional(), url: z.string().optional() });
export type LogObjectRef = z.infer<typeof logObjectRefSchema>;

export const runLogDataSchema = z.object({
  level: z.enum(LOG_LEVELS),
  /** The step that wrote the entry: `run`, `test_*` or `post_run`. */
  grouping: z.string(),
  message: z.string(),
  object: logObjectRefSchema.nullable(),
  attempt: z.number().int(),
  loggedAt: z.string(),
});
export type RunLogData = z.infer<typeof runLogDataSchema>;

/** The most entries a `run.log_batch` may carry (producers send fewer: the collector at most 256, in at most 64 KiB). */
export const MAX_LOG_BATCH_ENTRIES = 1000;

/** One entry of a `run.log_batch`: the data of the `run.log` event it stands for, with that event's id and sequence. */
export const runLogBatchEntrySchema = runLogDataSchema.extend({ id: z.string().min(1), sequence: z.number().int() });
export type RunLogBatchEntry = z.infer<typeof runLogBatchEntrySchema>;

/** Consecutive log entries of one step attempt, in the order written: one message for many lines. */
export const runLogBatchDataSchema = z.object({ entries: z.array(runLogBatchEntrySchema).min(1).max(MAX_LOG_BATCH_ENTRIES) });
export type RunLogBatchData = z.infer<typeof runLogBatchDataSchema>;

export const runStepStartedDataSchema = z.object({
  step: z.string(),
  attempt: z.number().int(),
  maxAttempts: z.number().int(),
  /** The collector that runs this attempt of the step. */
  worker: z.string(),
});
export type RunStepStartedData = z.infer<typeof runStepStartedDataSchema>;

/** What a job reports with `context.progress(...)`: counts of items, e.g. devices. */
export const runProgressDataSchema = z.object({ total: z.number(), done: z.number(), failed: z.number() });
export type RunProgressData = z.infer<typeof runProgressDataSchema>;

export const runCancelRequestedDataSchema = z.object({ by: z.string() });
export type RunCancelRequestedData = z.infer<typeof runCancelRequestedDataSchema>;

export const runErrorInfoSchema = z.object({ message: z.string(), type: z.string(), step: z.string().nullable() });
export type RunErrorInfo = z.infer<typeof runErrorInfoSchema>;

export const runCancelledDataSchema = z.object({
  result: jsonValueSchema,
  cancelledBy: z.string(),
  /** The step that was running when the cancellation arrived; null when none was. */
  step: z.string().nullable(),
  /** Set when the run did not end by itself, e.g. `terminated in Temporal`. */
  reason: z.string().optional(),
});
export type RunCancelledData = z.infer<typeof runCancelledDataSchema>;

export const runTimedOutDataSchema = z.object({ result: jsonValueSchema, error: runErrorInfoSchema });
export type RunTimedOutData = z.infer<typeof runTimedOutDataSchema>;

export const runCompletedDataSchema = z.object({ result: jsonValueSchema });
export type RunCompletedData = z.infer<typeof runCompletedDataSchema>;

export const runFailedDataSchema = z.object({ result: jsonValueSchema, failureCount: z.number().int() });
export type RunFailedData = z.infer<typeof runFailedDataSchema>;

export const runErroredDataSchema = z.object({ result: jsonValueSchema, error: runErrorInfoSchema });
export type RunErroredData = z.infer<typeof runErroredDataSchema>;

export const runRequestedSchema = eventSchema('run.requested', runRequestedDataSchema);
export const runStartedSchema = eventSchema('run.started', runStartedDataSchema);
/** A `scheduled` run's start time has come: it now waits for a worker (or a concurrency slot). */
export const runQueuedSchema = eventSchema('run.queued', z.object({ jobId: z.string(), workflowId: z.string() }));
export const runLoggedSchema = eventSchema('run.log', runLogDataSchema);
/** Many `run.log` entries in one event; readers that show events expand it (`runLogEventsOf`). */
export const runLogBatchSchema = eventSchema('run.log_batch', runLogBatchDataSchema);
export const runCompletedSchema = eventSchema('run.completed', runCompletedDataSchema);
export const runFailedSchema = eventSchema('run.failed', runFailedDataSchema);
export const runErroredSchema = eventSchema('run.errored', runErroredDataSchema);
export const runStepStartedSchema = eventSchema('run.step_started', runStepStartedDataSchema);
export const runProgressedSchema = eventSchema('run.progress', runProgressDataSchema);
export const runCancelRequestedSchema = eventSchema('run.cancel_requested', runCancelRequestedDataSchema);
export const runCancelledSchema = eventSchema('run.cancelled', runCancelledDataSchema);
export const runTimedOutSchema = eventSchema('run.timed_out', runTimedOutDataSchema);

export type RunRequested = z.infer<typeof runRequestedSchema>;
export type RunStarted = z.infer<typeof runStartedSchema>;
export type RunQueued = z.infer<typeof runQueuedSchema>;
export type RunLogged = z.infer<typeof runLoggedSchema>;
export type RunLogBatch = z.infer<typeof runLogBatchSchema>;
export type RunCompleted = z.infer<typeof runCompletedSchema>;
export type RunFailed = z.infer<typeof runFailedSchema>;
export type RunErrored = z.infer<typeof runErroredSchema>;
export type RunStepStarted = z.infer<typeof runStepStartedSchema>;
export type RunProgressed = z.infer<typeof runProgressedSchema>;
export type RunCancelRequested = z.infer<typeof runCancelRequestedSchema>;
export type RunCancelled = z.infer<typeof runCancelledSchema>;
export type RunTimedOut = z.infer<typeof runTimedOutSchema>;

/** Every event of the runs stream; its `type` picks the data schema, so an unknown type is refused by name. */
export const runEventSchema = z.discriminatedUnion('type', [
  runRequestedSchema,
  runQueuedSchema,
  runStartedSchema,
  runStepStartedSchema,
  runLoggedSchema,
  runLogBatchSchema,
  runProgressedSchema,
  runCancelRequestedSchema,
  runCompletedSchema,
  runFailedSchema,
  runErroredSchema,
  runCancelledSchema,
  runTimedOutSchema,
]);
export type RunEvent = z.infer<typeof runEventSchema>;
export type RunEventType = RunEvent['type'];
export type RunTerminalEvent = RunCompleted | RunFailed | RunErrored | RunCancelled | RunTimedOut;

export const TERMINAL_RUN_EVENT_TYPES: readonly RunEventType[] = ['run.completed', 'run.failed', 'run.errored', 'run.cancelled', 'run.timed_out'];

/** Events that change a run's state, as dashboards follow them: everything but log entries and progress. */
export const LIFECYCLE_RUN_EVENT_TYPES: readonly RunEventType[] = [
  'run.requested',
  'run.queued',
  'run.started',
  'run.step_started',
  'run.cancel_requested',
  ...TERMINAL_RUN_EVENT_TYPES,
];

/** Any run event's type, including types newer than this build (a CLI following a newer API, say). */
export type AnyRunEventType = `run.${string}`;

export function isAnyRunEventType(type: unknown): type is AnyRunEventType {
  return typeof type === 'string' && type.startsWith('run.');
}

/** The last segment of a run event's subject: `run.started` → `started`. */
export function runEventKind(type: AnyRunEventType): string {
  return type.slice('run.'.length);
}
