import { encodeEventJson, type EncodedEvent } from '@yardmaster/messaging';
import type { JoinableEvent } from './log-delivery/step-event-buffer';
import type { RunLogJson } from './run-log-json';

/**
 * How much one `run.log_batch` carries: enough lines that JetStream, the projection and the audit handle one message
 * where they handled hundreds, small enough (well under NATS's 1 MiB `max_payload`, even with every character of a
 * line three bytes of UTF-8) that a batch re-sent after a failure or held by the projection costs little. A line
 * longer than `maxChars` goes alone in its batch (and a message longer than MAX_LOG_MESSAGE_CHARS is cut first).
 */
export const LOG_BATCH_LIMITS = { maxEntries: 256, maxChars: 64 * 1024 } as const;

/**
 * A `run.log_batch` of a step waiting in the step's buffer: the entries written after it join it until it goes out
 * (or is full), then it is fixed, so a re-send carries the same entries under the same id.
 */
export class RunLogBatchDraft implements JoinableEvent {
  private entries: string[];
  private chars: number;

  constructor(
    private readonly json: RunLogJson,
    private readonly subject: string,
    private readonly firstSequence: number,
    private readonly firstAt: string,
    firstEntry: string,
  ) {
    this.entries = [firstEntry];
    this.chars = firstEntry.length;
  }

  /** Takes the entry that follows (its sequence is the next one) while the batch has room for it. */
  join(entry: string): boolean {
    if (this.entries.length >= LOG_BATCH_LIMITS.maxEntries || this.chars + entry.length > LOG_BATCH_LIMITS.maxChars) return false;
    this.entries.push(entry);
    this.chars += entry.length;
    return true;
  }

  build(): EncodedEvent {
    const lastSequence = this.firstSequence + this.entries.length - 1;
    const event = encodeEventJson(
      this.subject,
      this.json.batchIdOf(this.firstSequence, lastSequence),
      this.json.batch(this.firstSequence, lastSequence, this.firstAt, this.entries),
    );
    // The bytes hold them now: the texts need not wait with the batch for its acknowledgement.
    this.entries = [];
    return event;
  }
}
