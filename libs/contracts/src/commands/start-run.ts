import type { ActingPrincipal } from '../auth/permissions';
import type { JsonObject } from '../json';
import type { CommandMeta } from './command-reply';
import type { RunStatus } from '../runs/run-status';
import type { IdempotencyRef } from '../idempotency/idempotency';

export interface StartRunCommand {
  readonly meta: CommandMeta;
  readonly jobId: string;
  readonly data: JsonObject;
  /** Omitted: the job's default. */
  readonly commit?: boolean;
  readonly queue?: string;
  /** May lower the job's whole-run timeout, never raise it. */
  readonly runTimeoutSeconds?: number;
  /** Set when a schedule asks for the run. */
  readonly scheduleId?: string;
  /** A future start: the run waits `scheduled` until then. */
  readonly startAt?: string;
  /** The files the API stored for this request: the only ones its file variables may refer to. */
  readonly uploadedFileIds?: readonly string[];
  /**
   * The user the run acts as (`run_as`): set by the API only for an administrator's request, and by a schedule
   * for its owner. Absent: the run acts as `meta.actor`.
   */
  readonly runAs?: string;
  /**
   * What the acting user may do, as the API authenticated them (of the run-as user, or of the requester). Absent
   * from a schedule's request: the scheduler asks the API for the owner's current one.
   */
  readonly actingPrincipal?: ActingPrincipal;
  /**
   * A keyed request (the client's `Idempotency-Key`, or a schedule's firing): its run id follows from the key, and a
   * repeat is answered with the same run instead of starting another.
   */
  readonly idempotency?: IdempotencyRef;
}

export interface StartRunAccepted {
  readonly runId: string;
  readonly jobId: string;
  readonly workflowId: string;
  readonly status: RunStatus;
  readonly data: JsonObject;
  /** Null for a read-only job. */
  readonly commit: boolean | null;
  readonly queue: string;
  readonly requestedBy: string;
  /** Who the run acts as: `requestedBy` unless an administrator or a schedule's owner said otherwise. */
  readonly runAs: string;
  readonly requestedAt: string;
  readonly runTimeoutSeconds: number;
  /** True when this is the answer to an earlier request with the same idempotency key, given again. */
  readonly replayed?: boolean;
  /** What the client should know although the run was accepted, e.g. that no collector serves its queue. */
  readonly warnings?: readonly string[];
}
