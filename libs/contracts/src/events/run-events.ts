import type { JsonObject, JsonValue } from '../json';
import type { LogLevel } from '../runs/log-level';
import type { EventEnvelope } from './envelope';

export interface RunRequestedData {
  readonly jobId: string;
  readonly jobName: string;
  readonly data: JsonObject;
  readonly commit: boolean;
  readonly queue: string;
  readonly requestedBy: string;
  readonly workflowId: string;
  readonly requestedAt: string;
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
export type RunLogged = EventEnvelope<'run.log', RunLogData>;
export type RunCompleted = EventEnvelope<'run.completed', RunCompletedData>;
export type RunFailed = EventEnvelope<'run.failed', RunFailedData>;
export type RunErrored = EventEnvelope<'run.errored', RunErroredData>;

export type RunEvent = RunRequested | RunStarted | RunLogged | RunCompleted | RunFailed | RunErrored;
export type RunEventType = RunEvent['type'];
export type RunTerminalEvent = RunCompleted | RunFailed | RunErrored;

/** The last segment of a run event's subject: `run.started` → `started`. */
export function runEventKind(type: RunEventType): string {
  return type.slice('run.'.length);
}
