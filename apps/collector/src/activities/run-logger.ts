import { newEvent, subjectsFor, type EventEnvelope, type LogLevel, type LogObjectRef, type RunProgressed } from '@yardmaster/contracts';
import type { JobLogger, LogOptions, LogWritten, ProgressReport } from '@yardmaster/job-sdk';
import { encodeEvent } from '@yardmaster/messaging';
import type { StepEventBuffer } from './log-delivery/step-event-buffer';
import { Redactor } from './run-data/redactor';
import { RunLogBatchDraft } from './run-log-batch';
import { RunLogJson } from './run-log-json';
import type { RunLoggerScope } from './run-logger-scope';

/** Bytes a progress report is counted as until it is built (about its encoded size). */
const PROGRESS_ESTIMATED_BYTES = 400;

/**
 * A log message longer than this is cut, with a note saying how much was left out: one line must fit one NATS message
 * (1 MiB `max_payload`) even when each character takes six bytes of escaped JSON, or it could never be delivered.
 */
export const MAX_LOG_MESSAGE_CHARS = 100_000;

/**
 * A step's log entries and progress reports, handed to the step's `StepEventBuffer` as they are written: a
 * call returns at once and the buffer delivers in order, also through a NATS outage. Consecutive log entries
 * travel together in one `run.log_batch` (an entry joins the batch waiting at the end of the buffer). Ids are
 * deterministic per step attempt, so an entry (or a batch) re-sent by the buffer is stored once. Progress reports
 * made while one is waiting to go out are coalesced into the latest.
 */
export class RunLogger implements JobLogger {
  private redactor = Redactor.none;
  private written = 0;
  private failures = 0;
  private progressReports = 0;
  private pendingProgress: { report: ProgressReport; written: LogWritten } | null = null;
  private readonly logJson: RunLogJson;
  private readonly logSubject: string;

  constructor(
    private readonly buffer: StepEventBuffer,
    private readonly scope: RunLoggerScope,
    /** Told of each entry written (the collector's log line counter). */
    private readonly lines?: { logLine(level: LogLevel): void },
  ) {
    this.logJson = new RunLogJson(scope);
    this.logSubject = this.subject('log_batch');
  }

  /** From here on, entries are masked by `redactor`: set once the step's sensitive values are open, before job code runs. */
  redactWith(redactor: Redactor): void {
    this.redactor = redactor;
  }

  get failureCount(): number {
    return this.failures;
  }

  debug(message: string, options?: LogOptions): LogWritten {
    return this.write('debug', message, options);
  }

  info(message: string, options?: LogOptions): LogWritten {
    return this.write('info', message, options);
  }

  success(message: string, options?: LogOptions): LogWritten {
    return this.write('success', message, options);
  }

  warning(message: string, options?: LogOptions): LogWritten {
    return this.write('warning', message, options);
  }

  failure(message: string, options?: LogOptions): LogWritten {
    this.failures++;
    return this.write('failure', message, options);
  }

  progress(report: ProgressReport): LogWritten {
    if (this.pendingProgress) {
      this.pendingProgress.report = report;
      return this.pendingProgress.written;
    }
    const pending = { report } as { report: ProgressReport; written: LogWritten };
    // The buffer builds it when its turn comes (never synchronously), so a report made until then joins it.
    pending.written = this.buffer.enqueueLazy(() => {
      this.pendingProgress = null;
      const sequence = ++this.progressReports;
      const event: RunProgressed = this.event(`progress:${sequence}`, 'run.progress', sequence, {
        total: wholeNumber(pending.report.total),
        done: wholeNumber(pending.report.done),
        failed: wholeNumber(pending.report.failed ?? 0),
      });
      return encodeEvent(this.subject('progress'), event);
    }, PROGRESS_ESTIMATED_BYTES);
    this.pendingProgress = pending;
    return pending.written;
  }

  private write(level: LogLevel, message: string, options: LogOptions | undefined): LogWritten {
    const sequence = ++this.written;
    this.lines?.logLine(level);
    const at = new Date().toISOString();
    const json = this.logJson.entry(
      sequence,
      level,
      cutToLength(this.redactor.text(String(message))),
      maskedObjectRef(normaliseObjectRef(options?.object), this.redactor),
      at,
      groupingOf(options?.grouping, this.redactor),
    );
    // Waiting entries hold only their JSON text; the bytes to send are made when their batch goes out.
    return this.buffer.enqueueJoining(json, this, () => new RunLogBatchDraft(this.logJson, this.logSubject, sequence, at, json));
  }

  private subject(kind: string): string {
    return subjectsFor(this.scope.instance).runEvent(this.scope.runId, kind);
  }

  private event<TType extends string, TData>(suffix: string, type: TType, sequence: number, data: TData): EventEnvelope<TType, TData> {
    const { runId, step, attempt, actor, correlationId } = this.scope;
    return newEvent({
      id: `${runId}:${step}:${attempt}:${suffix}`,
      type,
      occurredAt: new Date().toISOString(),
      aggregateId: runId,
      sequence,
      correlationId,
      actor,
      data,
    });
  }
}

function cutToLength(message: string): string {
  if (message.length <= MAX_LOG_MESSAGE_CHARS) return message;
  return `${message.slice(0, MAX_LOG_MESSAGE_CHARS)}… [${message.length - MAX_LOG_MESSAGE_CHARS} more characters not logged]`;
}

function wholeNumber(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

function maskedObjectRef(object: LogObjectRef | null, redactor: Redactor): LogObjectRef | null {
  if (!object || redactor.isEmpty) return object;
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, redactor.text(value as string)])) as unknown as LogObjectRef;
}

function normaliseObjectRef(object: LogObjectRef | undefined): LogObjectRef | null {
  if (!object) return null;
  return {
    type: String(object.type),
    id: String(object.id),
    ...(object.display === undefined ? {} : { display: String(object.display) }),
    ...(object.url === undefined ? {} : { url: String(object.url) }),
  };
}

/** The longest grouping an entry keeps (a device's name, a site's: short labels). */
const MAX_GROUPING_LENGTH = 200;

/** A job's own grouping for an entry, masked and bounded; undefined (the step's) when none or blank. */
function groupingOf(grouping: string | undefined, redactor: Redactor): string | undefined {
  if (typeof grouping !== 'string' || grouping.trim() === '') return undefined;
  return redactor.text(grouping.trim()).slice(0, MAX_GROUPING_LENGTH);
}
