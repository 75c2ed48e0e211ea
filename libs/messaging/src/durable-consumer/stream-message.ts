export interface StreamMessage<TEvent> {
  readonly event: TEvent;
  readonly subject: string;
  readonly stream: string;
  /** The message's position in its stream: a total order that replays keep. */
  readonly streamSequence: number;
  readonly redelivered: boolean;
}

export interface DurableConsumerSpec {
  readonly stream: string;
  readonly durableName: string;
  readonly filterSubject: string;
}

/** What a durable consumer does with one event; throwing means "not applied". */
export type StreamMessageHandler<TEvent> = (message: StreamMessage<TEvent>) => Promise<void>;

/**
 * What a durable consumer does with several events at once, in stream order: all of them are applied, or (it
 * throws) none is. A batch that fails is not retried as a batch: its events are handled one by one.
 */
export type StreamBatchHandler<TEvent> = (messages: ReadonlyArray<StreamMessage<TEvent>>) => Promise<void>;

/** Where a consumer's failures are told: warnings for what it will retry, errors for what it parks. Nest's Logger is one. */
export interface ConsumerLog {
  log(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}
