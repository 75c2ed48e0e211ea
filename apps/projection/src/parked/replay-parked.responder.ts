import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/nats-core';
import { ErrorCode, subjectsFor, YardError, replayParkedCommandSchema, type ReplayParkedCommand, type ReplayParkedResult } from '@yardmaster/contracts';
import { NATS_CONNECTION } from '@yardmaster/messaging';
import type { ProjectionConfig } from '../config';
import { ProjectionResponder } from '../nats/projection-responder';
import { PROJECTION_CONFIG } from '../projection-config.token';
import { ReplayParkedEvents } from './replay-parked-events';

/** Answers `ReplayParkedCommand` (one id, or all) for the API; replicas share the work in the `projection` queue group. */
@Injectable()
export class ReplayParkedResponder extends ProjectionResponder<ReplayParkedCommand, ReplayParkedResult> {
  protected readonly contract = replayParkedCommandSchema;

  constructor(
    @Inject(PROJECTION_CONFIG) private readonly config: ProjectionConfig,
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    private readonly replays: ReplayParkedEvents,
  ) {
    super(nc, 'Parked-event replay');
  }

  protected subject(): string {
    return subjectsFor(this.config.shared.instance).replayParkedCommand;
  }

  protected answer(command: ReplayParkedCommand): Promise<ReplayParkedResult> {
    if (command.all === true) return this.replays.replayAll(command.meta);
    if (typeof command.id === 'number' && Number.isSafeInteger(command.id) && command.id > 0) return this.replays.replayOne(command.id, command.meta);
    return Promise.reject(
      new YardError(ErrorCode.ValidationFailed, 'Name a parked event (a positive whole number) or all of them', [{ field: 'id', message: 'must be a positive whole number' }]),
    );
  }
}
