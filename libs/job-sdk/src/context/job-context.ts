import type { JsonValue, LogObjectRef, Permission, PermissionResource } from '@yardmaster/contracts';
import type { InventoryAccess } from '../inventory/inventory-access';

export interface LogOptions {
  /** The object the entry is about, e.g. `{ type: 'device', id: '42', display: 'edge-01' }`. */
  readonly object?: LogObjectRef;
  /**
   * The group the entry is shown under (Nautobot's `grouping`), e.g. a device's name when a job works through many:
   * the step's name unless given. At most 200 characters; masked like the message.
   */
  readonly grouping?: string;
}

/**
 * Resolves when the entry is delivered to the run's log (stored in NATS JetStream). A job need not await it:
 * it never rejects unobserved, and the step ends only after all its entries are delivered. Awaiting it makes a
 * job wait out a NATS outage at that line; the step fails with `LogDeliveryFailed` if delivery gives up.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a name of its own, so lint knows it is safe to float
export interface LogWritten extends Promise<void> {}

/**
 * The job's logger. Entries stream to the run's log as they are written, grouped by the step that wrote them.
 * A call returns at once: the collector buffers entries and delivers them in order, also through a NATS
 * outage. A `failure` entry marks the run `failed` once its steps end.
 */
export interface JobLogger {
  debug(message: string, options?: LogOptions): LogWritten;
  info(message: string, options?: LogOptions): LogWritten;
  success(message: string, options?: LogOptions): LogWritten;
  warning(message: string, options?: LogOptions): LogWritten;
  failure(message: string, options?: LogOptions): LogWritten;
}

export interface ProgressReport {
  readonly total: number;
  readonly done: number;
  readonly failed?: number;
}

/** What job code sees of the run it is part of. */
export interface JobContext {
  readonly runId: string;
  readonly jobId: string;
  /**
   * False for a dry run: inventory changes stay visible to the rest of the run and are discarded at its end.
   * True: each step's changes are saved together when the step ends (and rolled back if it throws). Always
   * false for a read-only job.
   */
  readonly commit: boolean;
  /** The job is declared read-only: it has no commit, and inventory writes throw. */
  readonly readOnly: boolean;
  /** The inventory: sites, device roles, platforms, tags and devices, read and changed within this step. */
  readonly inventory: InventoryAccess;
  readonly step: string;
  /**
   * The attempt of this step, from 1. A step can run again, after a failure its retry policy retries, after its
   * worker was lost, or after a Temporal restart lost the news that it had finished (Temporal runs a step at
   * least once, not exactly once): an attempt above 1 may follow one that did all its work.
   */
  readonly attempt: number;
  /**
   * `<runId>:<step>`: the same for every attempt of this step of this run, different for any other step or run.
   * Record it with a side effect (a ledger row, a request's idempotency header) and skip the effect when it is
   * already recorded, so a repeated step applies it once.
   */
  readonly idempotencyKey: string;
  /** Who asked for the run: a user, or `schedule:<id>` for a schedule's run. */
  readonly requestedBy: string;
  /**
   * The user the run acts as: `requestedBy`, unless an administrator started it `runAs` someone, or a schedule
   * started it for its owner. `require` checks this user's permissions.
   */
  readonly runAs: string;
  /**
   * Throws `PermissionDenied` (naming the user and the permission) unless `runAs` holds the permission, about
   * the resource when given. Call it before acting on the inventory, so a job cannot do on a user's behalf what
   * the user could not do themselves.
   */
  require(permission: Permission, resource?: PermissionResource): void;
  readonly logger: JobLogger;
  /** What `run` returned, for `test_*` and `post_run` steps; `null` inside `run` and when `run` did not finish. */
  readonly runResult: JsonValue;
  /**
   * Aborted when the run is cancelled or times out. Hand it to library calls (`fetch`, SSH and SNMP clients)
   * so they stop; `post_run` gets a signal that is never aborted, so cleanup can finish.
   */
  readonly signal: AbortSignal;
  /** Rejects when the run is cancelled or times out; for `Promise.race` with work that takes no signal. */
  readonly cancelled: Promise<never>;
  /**
   * Waits, or rejects at once when the run is cancelled: the polite way to pause in a job. While the step's
   * undelivered log is at its limit (NATS slow or away), it first waits for room.
   */
  sleep(milliseconds: number): Promise<void>;
  /**
   * Reports progress, shown on the run and in its event stream, in order with the log. Cheap to call often:
   * reports are coalesced. Resolves when this report (or a later one) is delivered; need not be awaited.
   */
  progress(report: ProgressReport): LogWritten;
}
