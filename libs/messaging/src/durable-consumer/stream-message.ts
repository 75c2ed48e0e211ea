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

/** Where a consumer's failures are told: warnings for what it will retry, errors for what it parks. */
export interface ConsumerLog {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
