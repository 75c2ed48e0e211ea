import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/nats-core';
import { readEvent, subjectsFor, type Contract } from '@yardmaster/contracts';
import { consumeDurable, NATS_CONNECTION, OutageWatch, type DurableConsumerSpec, type ConsumeDurableOptions, type RunningConsumer, type StreamMessageHandler } from '@yardmaster/messaging';
import { isDatabaseUnavailable } from '@yardmaster/read-models';
import type { ProjectionConfig } from '../config';
import { PROJECTION_CONFIG } from '../projection-config.token';

/** What a consumer may add to handling events one by one: a batch handler, subjects it never reads. */
export type FollowOptions<TEvent> = Pick<ConsumeDurableOptions<TEvent>, 'handleBatch' | 'ignores'>;

/**
 * Every durable consumer of the projection (its read models and the audit) starts here: one redelivery policy,
 * one parked stream, and one Postgres outage watch for all of them, so that an outage is logged once, not once
 * per consumer and event. The handlers stay registered by consumer and stream, so that a parked event is
 * replayed through the very handler that failed it.
 */
@Injectable()
export class DurableConsumers implements OnApplicationShutdown {
  private readonly logger = new Logger('DurableConsumers');
  private readonly outage = new OutageWatch('PostgreSQL', isDatabaseUnavailable, this.logger);
  private readonly handlers = new Map<string, StreamMessageHandler<unknown>>();
  private readonly running: RunningConsumer[] = [];

  constructor(
    @Inject(PROJECTION_CONFIG) private readonly config: ProjectionConfig,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
  ) {}

  async follow<TEvent>(spec: DurableConsumerSpec, contract: Contract<TEvent>, handle: StreamMessageHandler<TEvent>, extra: FollowOptions<TEvent> = {}): Promise<void> {
    // A replayed parked event is checked as a delivered one is: one that was parked as malformed stays parked.
    this.handlers.set(handlerKey(spec.durableName, spec.stream), (message) =>
      handle({ ...message, event: readEvent(contract, message.event, `Event ${message.subject}`) }),
    );
    this.running.push(
      await consumeDurable<TEvent>(this.nc, spec, {
        contract,
        handle,
        ...extra,
        redelivery: this.config.redelivery,
        parkSubject: subjectsFor(this.config.shared.instance).parkedEvent(spec.durableName),
        log: this.logger,
        outage: this.outage,
      }),
    );
  }

  /** The handler a consumer applies a stream's events with; null when this projection runs no such consumer. */
  handlerOf(consumer: string, stream: string): StreamMessageHandler<unknown> | null {
    return this.handlers.get(handlerKey(consumer, stream)) ?? null;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.running.splice(0).map((consumer) => consumer.stop()));
  }
}

function handlerKey(consumer: string, stream: string): string {
  return `${consumer}\u0000${stream}`;
}
