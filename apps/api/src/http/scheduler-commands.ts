import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/nats-core';
import { subjectsFor, type CommandMeta, type Principal, type Subjects } from '@yardmaster/contracts';
import { NATS_CONNECTION, sendCommand } from '@yardmaster/messaging';
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
  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** Who asks (the authenticated user, whom every event the command causes names) and the id tying the request to what it causes. */
  meta(principal: Principal, correlationHeader: string | undefined): CommandMeta {
    return { actor: actorOf(principal), correlationId: correlationHeader ?? randomUUID() };
  }

  send<TValue>(subject: (subjects: Subjects) => string, command: unknown): Promise<TValue> {
    return sendCommand<TValue>(this.nc, subject(subjectsFor(this.config.shared.instance)), command, {
      timeoutMs: this.config.commandTimeoutMs,
      serviceName: 'scheduler',
    });
  }
}
