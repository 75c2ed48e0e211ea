/** How much one batch of a durable consumer takes: messages, and bytes of message data. */
export interface BatchLimits {
  readonly maxMessages: number;
  readonly maxBytes: number;
}

/**
 * Takes the next batch off the front of `waiting`: at most `maxMessages`, and no further message once `maxBytes` of
 * data are in (always at least one). Messages that carry many events each (a `run.log_batch` of 256 log lines) would
 * otherwise make one transaction of a hundred thousand rows, held in memory whole and applied while nothing else is.
 */
export function takeBatch<TArrival extends { readonly msg: { readonly data: Uint8Array } }>(waiting: TArrival[], limits: BatchLimits): TArrival[] {
  let count = 0;
  let bytes = 0;
  while (count < waiting.length && count < limits.maxMessages && (count === 0 || bytes < limits.maxBytes)) {
    bytes += waiting[count].msg.data.length;
    count++;
  }
  return waiting.splice(0, count);
}
