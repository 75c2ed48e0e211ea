import { newEvent, subjectsFor, type LogLevel, type LogObjectRef, type RunLogged } from '@yardmaster/contracts';
import type { JobLogger, LogOptions } from '@yardmaster/job-sdk';
import type { EventPublisher } from '@yardmaster/messaging';

export interface RunLoggerScope {
  readonly instance: string;
  readonly runId: string;
  readonly step: string;
  readonly attempt: number;
  readonly actor: string;
  readonly correlationId: string;
}

/**
 * Streams a step's log entries to JetStream as they are written. Publishes are chained so entries keep
 * their order; `flush` waits for all of them and rethrows the first publish error (an infrastructure fault).
 * Ids are deterministic per step attempt, so a publish retried inside one attempt is stored once.
 */
export class RunLogger implements JobLogger {
  private chain: Promise<void> = Promise.resolve();
  private publishError: unknown = null;
  private written = 0;
  private failures = 0;

  constructor(
    private readonly publisher: EventPublisher,
    private readonly scope: RunLoggerScope,
  ) {}

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

  async flush(): Promise<void> {
    await this.chain;
    if (this.publishError) throw this.publishError;
  }

  private write(level: LogLevel, message: string, options: LogOptions | undefined): void {
    const { instance, runId, step, attempt, actor, correlationId } = this.scope;
    const sequence = ++this.written;
    const event: RunLogged = newEvent({
      id: `${runId}:${step}:${attempt}:log:${sequence}`,
      type: 'run.log',
      occurredAt: new Date().toISOString(),
      aggregateId: runId,
      sequence,
      correlationId,
      actor,
      data: {
        level,
        grouping: step,
        message: String(message),
        object: normaliseObjectRef(options?.object),
        attempt,
        loggedAt: new Date().toISOString(),
      },
    });
    const subject = subjectsFor(instance).runEvent(runId, 'log');
    this.chain = this.chain.then(async () => {
      if (this.publishError) return;
      try {
        await this.publisher.publish(subject, event);
      } catch (error) {
        this.publishError = error;
      }
    });
  }
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
