import { newEvent, subjectsFor, type EventEnvelope, type LogLevel, type LogObjectRef, type RunLogged, type RunProgressed } from '@yardmaster/contracts';
import type { JobLogger, LogOptions, ProgressReport } from '@yardmaster/job-sdk';
import type { EventPublisher } from '@yardmaster/messaging';
import { Redactor } from './run-data/redactor';

export interface RunLoggerScope {
  readonly instance: string;
  readonly runId: string;
  readonly step: string;
  readonly attempt: number;
  readonly actor: string;
  readonly correlationId: string;
}

/**
 * Streams a step's log entries and progress reports to JetStream as they are written. Publishes are chained
 * so entries keep their order; `flush` waits for all of them and rethrows the first publish error (an
 * infrastructure fault). Ids are deterministic per step attempt, so a publish retried inside one attempt is
 * stored once. Progress reports made while one is waiting to go out are coalesced into the latest.
 */
export class RunLogger implements JobLogger {
  private chain: Promise<void> = Promise.resolve();
  private publishError: unknown = null;
  private redactor = Redactor.none;
  private written = 0;
  private failures = 0;
  private progressReports = 0;
  private pendingProgress: ProgressReport | null = null;

  constructor(
    private readonly publisher: EventPublisher,
    private readonly scope: RunLoggerScope,
  ) {}

  /** From here on, entries are masked by `redactor`: set once the step's sensitive values are open, before job code runs. */
  redactWith(redactor: Redactor): void {
    this.redactor = redactor;
  }

  get failureCount(): number {
    return this.failures;
  }

  debug(message: string, options?: LogOptions): void {
    this.write('debug', message, options);
  }

  info(message: string, options?: LogOptions): void {
    this.write('info', message, options);
  }

  success(message: string, options?: LogOptions): void {
    this.write('success', message, options);
  }

  warning(message: string, options?: LogOptions): void {
    this.write('warning', message, options);
  }

  failure(message: string, options?: LogOptions): void {
    this.failures++;
    this.write('failure', message, options);
  }

  progress(report: ProgressReport): void {
    const alreadyQueued = this.pendingProgress !== null;
    this.pendingProgress = report;
    if (alreadyQueued) return;
    this.enqueue(() => {
      const latest = this.pendingProgress as ProgressReport;
      this.pendingProgress = null;
      const sequence = ++this.progressReports;
      const event: RunProgressed = this.event(`progress:${sequence}`, 'run.progress', sequence, {
        total: wholeNumber(latest.total),
        done: wholeNumber(latest.done),
        failed: wholeNumber(latest.failed ?? 0),
      });
      return { kind: 'progress', event };
    });
  }

  async flush(): Promise<void> {
    await this.chain;
    if (this.publishError) throw this.publishError;
  }

  private write(level: LogLevel, message: string, options: LogOptions | undefined): void {
    const sequence = ++this.written;
    const event: RunLogged = this.event(`log:${sequence}`, 'run.log', sequence, {
      level,
      grouping: this.scope.step,
      message: this.redactor.text(String(message)),
      object: maskedObjectRef(normaliseObjectRef(options?.object), this.redactor),
      attempt: this.scope.attempt,
      loggedAt: new Date().toISOString(),
    });
    this.enqueue(() => ({ kind: 'log', event }));
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

  /** `next` builds the event when its turn comes, so a coalesced progress report sends the latest values. */
  private enqueue(next: () => { kind: string; event: EventEnvelope }): void {
    this.chain = this.chain.then(async () => {
      if (this.publishError) return;
      const { kind, event } = next();
      try {
        await this.publisher.publish(subjectsFor(this.scope.instance).runEvent(this.scope.runId, kind), event);
      } catch (error) {
        this.publishError = error;
      }
    });
  }
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
