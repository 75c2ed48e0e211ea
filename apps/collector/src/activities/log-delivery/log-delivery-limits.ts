/** How much of a step's log the collector holds while NATS is slow or away, and how long it keeps trying. */
export interface LogDeliveryLimits {
  /** A step that holds this many undelivered entries is slowed down until some are delivered. */
  readonly maxEntries: number;
  /** The same, in encoded bytes. */
  readonly maxBytes: number;
  /** Delivery that has made no headway for this long gives up, and the step fails with LogDeliveryFailed. */
  readonly giveUpAfterMs: number;
}
