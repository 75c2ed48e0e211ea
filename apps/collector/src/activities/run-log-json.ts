import type { LogLevel, LogObjectRef } from '@yardmaster/contracts';
import type { RunLoggerScope } from './run-logger-scope';

/**
 * A step's log entries written straight to JSON text, and batches of them (`run.log_batch`) as the envelope
 * `JSON.stringify(newEvent(...))` gives, byte for byte (checked by its spec): at tens of thousands of lines a second,
 * building each entry as objects and stringifying them was a tenth of the collector's CPU and most of its garbage.
 * What is the same for every line of the step (run, step, attempt, actor, correlation id) is serialised once, here.
 */
export class RunLogJson {
  readonly idPrefix: string;
  private readonly batchIdPrefix: string;
  private readonly afterOccurredAt: string;
  private readonly afterSequence: string;
  private readonly afterLevel: string;
  private readonly afterObject: string;

  constructor(scope: RunLoggerScope) {
    const { runId, step, attempt, actor, correlationId, grouping = step } = scope;
    this.idPrefix = `${runId}:${step}:${attempt}:log:`;
    this.batchIdPrefix = `${runId}:${step}:${attempt}:logs:`;
    this.afterOccurredAt = `","aggregateId":${JSON.stringify(runId)},"sequence":`;
    this.afterSequence = `,"correlationId":${JSON.stringify(correlationId)},"actor":${JSON.stringify(actor)},"data":{"entries":[`;
    this.afterLevel = `,"grouping":${JSON.stringify(grouping)},"message":`;
    this.afterObject = `,"attempt":${JSON.stringify(attempt)},"loggedAt":"`;
  }

  /** The entry's event id: deterministic per step attempt, so a re-sent entry is stored once. */
  idOf(sequence: number): string {
    return this.idPrefix + sequence;
  }

  /**
   * A batch's event id, from the sequences of its first and last entries: a batch is never re-packed once sent, so a
   * re-sent batch has the same id (JetStream's msgID drops the copy) and no two batches of a step attempt share one.
   */
  batchIdOf(firstSequence: number, lastSequence: number): string {
    return `${this.batchIdPrefix}${firstSequence}-${lastSequence}`;
  }

  /** One entry of a batch; `at` (an ISO timestamp) is when it was logged; `grouping` replaces the step's own. */
  entry(sequence: number, level: LogLevel, message: string, object: LogObjectRef | null, at: string, grouping?: string): string {
    const afterLevel = grouping === undefined ? this.afterLevel : `,"grouping":${JSON.stringify(grouping)},"message":`;
    return (
      `{"id":${JSON.stringify(this.idOf(sequence))},"sequence":${sequence},"level":${JSON.stringify(level)}${afterLevel}${JSON.stringify(message)}` +
      `,"object":${JSON.stringify(object)}${this.afterObject}${at}"}`
    );
  }

  /** The `run.log_batch` event of consecutive entries (as `entry` wrote them), dated when its first was logged. */
  batch(firstSequence: number, lastSequence: number, firstAt: string, entries: readonly string[]): string {
    return (
      `{"id":${JSON.stringify(this.batchIdOf(firstSequence, lastSequence))},"type":"run.log_batch","occurredAt":"${firstAt}${this.afterOccurredAt}` +
      `${firstSequence}${this.afterSequence}${entries.join(',')}]},"version":1,"causationId":null}`
    );
  }
}
