import { isRunLogEvent, type RunEvent, type RunLogEvent } from '@yardmaster/contracts';

/** A stretch of a batch: log entries that follow each other, or one other event. */
export type BatchStretch<TMessage> = { readonly logEntries: TMessage[] } | { readonly other: TMessage };

/**
 * Cuts a batch of run events (in stream order) into stretches: each run of consecutive log events (single entries
 * and batches of them alike) is stored with one statement, and every other event is applied on its own between them,
 * so the order holds.
 */
export function groupLogEntries<TMessage extends { readonly event: RunEvent }>(messages: readonly TMessage[]): Array<BatchStretch<TMessage>> {
  const stretches: Array<BatchStretch<TMessage>> = [];
  let current: TMessage[] | null = null;
  for (const message of messages) {
    if (isLogEntry(message.event)) {
      if (current === null) {
        current = [];
        stretches.push({ logEntries: current });
      }
      current.push(message);
    } else {
      current = null;
      stretches.push({ other: message });
    }
  }
  return stretches;
}

/** A `run.log` or a `run.log_batch`: stored in `job_log_entries`, idempotent by each entry's own id. */
export function isLogEntry(event: RunEvent): event is RunLogEvent {
  return isRunLogEvent(event);
}
