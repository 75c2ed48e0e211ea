import type {
  JsonObject,
  JsonValue,
  LogLevel,
  LogObjectRef,
  NamedVariableDefinition,
  OverlapPolicy,
  RunErrorInfo,
  RunStatus,
  ScheduleStateName,
} from '@yardmaster/contracts';

/**
 * The REST API's answers, as the CLI reads them (see apps/api/src/**\/*.view.ts). Only types: the CLI has no
 * runtime dependency on any workspace library.
 */
export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/** One action a person took (`GET /api/audit`). */
export type { AuditEntryView } from '@yardmaster/contracts';

/** An event a consumer gave up on (`GET /api/parked-events`), and what a replay did. */
export type { ParkedEventView, ReplayParkedResult } from '@yardmaster/contracts';

export interface JobView {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly grouping: string;
  readonly module: string;
  readonly className: string;
  readonly installed: boolean;
  readonly steps: readonly string[];
  readonly variables: readonly NamedVariableDefinition[];
  /** JSON Schema of the run data. */
  readonly schema: JsonObject;
}

export interface RunView {
  readonly id: string;
  readonly jobId: string;
  readonly jobName: string;
  readonly status: RunStatus;
  readonly data: JsonObject;
  readonly commit: boolean;
  readonly queue: string;
  readonly requestedBy: string;
  readonly scheduleId: string | null;
  readonly attempt: number;
  readonly result: JsonValue;
  readonly error: RunErrorInfo | null;
  readonly failureCount: number;
  readonly cancelRequestedBy: string | null;
  readonly cancelRequestedAt: string | null;
  readonly cancelledBy: string | null;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly completedAt: string | null;
  readonly workflowId: string;
  readonly temporalUrl: string;
}

export interface LogEntryView {
  readonly id: string;
  readonly position: number;
  readonly level: LogLevel;
  readonly grouping: string;
  readonly message: string;
  readonly object: LogObjectRef | null;
  readonly attempt: number;
  readonly loggedAt: string;
}

export type ScheduleTimingView = { readonly at: string } | { readonly intervalMinutes: number } | { readonly cron: string; readonly timezone: string };

export interface ScheduleView {
  readonly id: string;
  readonly key: string;
  readonly jobId: string;
  readonly data: JsonObject;
  readonly commit: boolean;
  readonly queue: string;
  readonly runTimeoutSeconds: number | null;
  readonly timing: ScheduleTimingView;
  readonly overlap: OverlapPolicy;
  readonly state: ScheduleStateName;
  readonly pausedReason: string | null;
  readonly nextRunTimes: readonly string[];
  readonly lastRun: { readonly id: string; readonly status: RunStatus | null; readonly at: string | null } | null;
  readonly totalRuns: number;
}

/** The body of POST /api/jobs/{jobId}/runs. */
export interface StartRunRequest {
  readonly data: JsonObject;
  readonly commit?: boolean;
  readonly queue?: string;
  readonly runTimeoutSeconds?: number;
  /** Administrators only: the user the run acts as. */
  readonly runAs?: string;
}

/** GET /api/me. */
export interface MeView {
  readonly username: string;
  readonly displayName: string;
  readonly admin: boolean;
  readonly readOnly: boolean;
  readonly tokenId: string | null;
  readonly permissions: ReadonlyArray<{ readonly permission: string; readonly jobIds?: readonly string[]; readonly groupings?: readonly string[] }>;
}
