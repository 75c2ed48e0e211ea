import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/nats-core';
import { subjectsFor, type CommandMeta, type Principal, type Subjects } from '@yardmaster/contracts';
import { natsDependency } from '@yardmaster/config';
import { NATS_CONNECTION, NatsLink, natsUnavailable, sendCommand, type CommandOutcomeField } from '@yardmaster/messaging';
import { randomUUID } from 'node:crypto';
import { actorOf } from './actor';
import { API_CONFIG } from '../api-config.token';
import type { ApiConfig } from '../config';

/**
 * The API's one way to send the scheduler a command: the instance's subject, the configured timeout, and the
 * scheduler's error codes coming back as YardErrors for the error filter to translate.
 */
@Injectable()
export class SchedulerCommands {
  private readonly link: NatsLink;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    this.link = new NatsLink(nc);
  }

  /** Who asks (the authenticated user, whom every event the command causes names) and the id tying the request to what it causes. */
  meta(principal: Principal, correlationHeader: string | undefined): CommandMeta {
    return { actor: actorOf(principal), correlationId: correlationHeader ?? randomUUID() };
  }

  /** Refuses at once while NATS is away, as `send` would: for a request that reads the catalog (on NATS) before it sends. */
  refuseWhileNatsIsDown(outcome: CommandOutcomeField): void {
    if (!this.link.isUp) throw natsUnavailable(natsDependency(this.config.shared.natsUrl).address, 'scheduler', outcome, false);
  }

  /** `outcome`: what a 503 while NATS is away says may or may not have happened (`started` for a run request). */
  send<TValue>(subject: (subjects: Subjects) => string, command: unknown, outcome: CommandOutcomeField = 'applied'): Promise<TValue> {
    return sendCommand<TValue>(this.nc, subject(subjectsFor(this.config.shared.instance)), command, {
      timeoutMs: this.config.commandTimeoutMs,
      serviceName: 'scheduler',
      // The host only: the URL may carry credentials.
      nats: { link: this.link, address: natsDependency(this.config.shared.natsUrl).address, outcome },
    });
  }
}
