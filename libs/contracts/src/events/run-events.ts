import type { JsonObject, JsonValue } from '../json';
import type { LogLevel } from '../runs/log-level';
import type { EventEnvelope } from './envelope';

export interface RunRequestedData {
  readonly jobId: string;
  readonly jobName: string;
  readonly data: JsonObject;
  /** Null for a read-only job. */
  readonly commit: boolean | null;
  readonly queue: string;
  readonly requestedBy: string;
  /** Who the run acts as; absent in events from before `run_as`, where it is the requester. */
  readonly runAs?: string;
  readonly workflowId: string;
  readonly requestedAt: string;
  /** Set for a run a schedule started. */
  readonly scheduleId?: string | null;
  /** Set for a run requested to start later: it is `scheduled` until then. */
  readonly startAt?: string | null;
}

export interface RunStartedData {
  readonly jobId: string;
  readonly workflowId: string;
  readonly attempt: number;
}

/** A reference to the object a log entry is about, e.g. a device. */
export interface LogObjectRef {
  readonly type: string;
  readonly id: string;
  readonly display?: string;
  readonly url?: string;
}

export interface RunLogData {
  readonly level: LogLevel;
  /** The step that wrote the entry: `run`, `test_*` or `post_run`. */
  readonly grouping: string;
  readonly message: string;
  readonly object: LogObjectRef | null;
  readonly attempt: number;
  readonly loggedAt: string;
}

export interface RunStepStartedData {
  readonly step: string;
  readonly attempt: number;
  readonly maxAttempts: number;
  /** The collector that runs this attempt of the step. */
  readonly worker: string;
}

/** What a job reports with `context.progress(...)`: counts of items, e.g. devices. */
export interface RunProgressData {
  readonly total: number;
  readonly done: number;
  readonly failed: number;
}

export interface RunCancelRequestedData {
  readonly by: string;
}

export interface RunCancelledData {
  readonly result: JsonValue;
  readonly cancelledBy: string;
  /** The step that was running when the cancellation arrived; null when none was. */
  readonly step: string | null;
  /** Set when the run did not end by itself, e.g. `terminated in Temporal`. */
  readonly reason?: string;
}

export interface RunTimedOutData {
  readonly result: JsonValue;
  readonly error: RunErrorInfo;
}

export interface RunErrorInfo {
  readonly message: string;
  readonly type: string;
  readonly step: string | null;
}

export interface RunCompletedData {
  readonly result: JsonValue;
}

export interface RunFailedData {
  readonly result: JsonValue;
  readonly failureCount: number;
}

export interface RunErroredData {
  readonly result: JsonValue;
  readonly error: RunErrorInfo;
}

export type RunRequested = EventEnvelope<'run.requested', RunRequestedData>;
export type RunStarted = EventEnvelope<'run.started', RunStartedData>;
/** A `scheduled` run's start time has come: it now waits for a worker (or a concurrency slot). */
export type RunQueued = EventEnvelope<'run.queued', { readonly jobId: string; readonly workflowId: string }>;
export type RunLogged = EventEnvelope<'run.log', RunLogData>;
export type RunCompleted = EventEnvelope<'run.completed', RunCompletedData>;
export type RunFailed = EventEnvelope<'run.failed', RunFailedData>;
export type RunErrored = EventEnvelope<'run.errored', RunErroredData>;
export type RunStepStarted = EventEnvelope<'run.step_started', RunStepStartedData>;
export type RunProgressed = EventEnvelope<'run.progress', RunProgressData>;
export type RunCancelRequested = EventEnvelope<'run.cancel_requested', RunCancelRequestedData>;
export type RunCancelled = EventEnvelope<'run.cancelled', RunCancelledData>;
export type RunTimedOut = EventEnvelope<'run.timed_out', RunTimedOutData>;

export type RunEvent =
  | RunRequested
  | RunQueued
  | RunStarted
  | RunStepStarted
  | RunLogged
  | RunProgressed
  | RunCancelRequested
  | RunCompleted
  | RunFailed
  | RunErrored
  | RunCancelled
  | RunTimedOut;
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
