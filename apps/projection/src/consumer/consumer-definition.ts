import type { Contract, StreamNames } from '@yardmaster/contracts';
import type { DurableConsumerSpec, StreamMessage } from '@yardmaster/messaging';
import type { DataSource } from '@yardmaster/read-models';
import type { DurableConsumers } from './durable-consumers';

/** The event streams a consumer of the projection may read, each with the subjects of all its events. */
export const EVENT_STREAM_SUBJECTS = {
  catalog: 'catalogEvents',
  runs: 'runEvents',
  schedules: 'scheduleEvents',
  identity: 'identityEvents',
  facts: 'factsEvents',
} as const;

export type EventStream = keyof typeof EVENT_STREAM_SUBJECTS;

/**
 * One stream a consumer reads: its events are checked against a contract, then applied to the read models. A rebuild
 * applies them with the same `apply`, `applyBatch` and `ignores`, to a shadow schema's DataSource.
 */
export interface ConsumedStream {
  readonly stream: EventStream;
  readonly contract: Contract<unknown>;
  readonly apply: (dataSource: DataSource, message: StreamMessage<unknown>) => Promise<unknown>;
  readonly applyBatch?: (dataSource: DataSource, messages: ReadonlyArray<StreamMessage<unknown>>) => Promise<unknown>;
  readonly ignores?: (subject: string) => boolean;
  follow(consumers: DurableConsumers, spec: DurableConsumerSpec, dataSource: DataSource): Promise<void>;
}

/** What a stream's consumer may do besides applying events one by one. */
export interface ConsumedStreamOptions<TEvent> {
  /** Applies several events in stream order, all or none; a batch that throws is applied again event by event. */
  readonly applyBatch?: (dataSource: DataSource, messages: ReadonlyArray<StreamMessage<TEvent>>) => Promise<unknown>;
  /** Subjects of events the consumer never acts on: acked unread. */
  readonly ignores?: (subject: string) => boolean;
}

/** A stream read with `contract`; `apply` throws to say "not applied" (the message is then retried or parked). */
export function consumedStream<TEvent>(
  stream: EventStream,
  contract: Contract<TEvent>,
  apply: (dataSource: DataSource, message: StreamMessage<TEvent>) => Promise<unknown>,
  options: ConsumedStreamOptions<TEvent> = {},
): ConsumedStream {
  const { applyBatch, ignores } = options;
  return {
    stream,
    contract: contract as Contract<unknown>,
    apply: apply as ConsumedStream['apply'],
    ...(applyBatch ? { applyBatch: applyBatch as NonNullable<ConsumedStream['applyBatch']> } : {}),
    ...(ignores ? { ignores } : {}),
    follow: (consumers, spec, dataSource) =>
      consumers.follow(spec, contract, async (message) => void (await apply(dataSource, message)), {
        ...(applyBatch ? { handleBatch: async (messages) => void (await applyBatch(dataSource, messages)) } : {}),
        ...(ignores ? { ignores } : {}),
      }),
  };
}

/**
 * A durable consumer of the projection, as a feature declares it: the same durable name on every stream it reads,
 * so that it keeps its own place in each whatever the other consumers do, and an event is acked once applied.
 */
export interface ConsumerDefinition {
  readonly durableName: keyof Pick<StreamNames, 'projectionConsumer' | 'auditConsumer'>;
  /** What it does, for the line logged once it runs: "Projecting", "Auditing". */
  readonly purpose: string;
  readonly streams: readonly ConsumedStream[];
}

/** Every consumer definition of the projection, in the order they start. */
export const CONSUMER_DEFINITIONS = Symbol('CONSUMER_DEFINITIONS');
