import { Inject, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Subscription } from '@nats-io/nats-core';
import type { Contract, Subjects } from '@yardmaster/contracts';
import { errorLogFields, InstanceNats, serveCommand } from '@yardmaster/messaging';

/** Every projection replica answers in this queue group, so each request is answered once. */
const QUEUE_GROUP = 'projection';

/** The subjects a responder can answer: those with one fixed name per instance. */
export type ResponderSubject = { [K in keyof Subjects]: Subjects[K] extends string ? K : never }[keyof Subjects];

/**
 * One NATS request/reply subject the projection answers while it runs: subscribed once the application has
 * started (its read model is migrated by then) and unsubscribed at shutdown, so a stopped projection leaves
 * callers a prompt "not running" instead of a handler working on a closing connection.
 */
export abstract class ProjectionResponder<TRequest, TReply> implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  private subscription: Subscription | null = null;

  // Injected as a property, so that each responder's constructor names only what its own answer needs.
  @Inject(InstanceNats) private readonly nats!: InstanceNats;

  protected constructor(
    private readonly subject: ResponderSubject,
    /** What the log calls a request that could not be answered, e.g. `Live-runs query`. */
    private readonly requestName: string,
  ) {}

  /** The request's contract as `serveCommand` checks it; a responder with stricter rules checks further in `answer`. */
  protected abstract readonly contract: Contract<TRequest>;

  protected abstract answer(request: TRequest): Promise<TReply>;

  onApplicationBootstrap(): void {
    this.subscription = serveCommand(this.nats.nc, this.nats.subjects[this.subject], QUEUE_GROUP, this.contract, (request) => this.answer(request), (error) =>
      this.logger.error({ request: this.requestName, ...errorLogFields(error) }, 'Request not answered'),
    );
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
  }
}
