import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import { ErrorCode, subjectsFor, YardError, replayParkedCommandSchema, type ReplayParkedResult } from '@yardmaster/contracts';
import { NATS_CONNECTION, serveCommand } from '@yardmaster/messaging';
import type { ProjectionConfig } from '../config';
import { PROJECTION_CONFIG } from '../projection-config.token';
import { ReplayParkedEvents } from './replay-parked-events';

/** Answers `ReplayParkedCommand` (one id, or all) for the API; replicas share the work in the `projection` queue group. */
@Injectable()
export class ReplayParkedResponder implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReplayParkedResponder.name);
  private subscription: Subscription | null = null;

  constructor(
    @Inject(PROJECTION_CONFIG) private readonly config: ProjectionConfig,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly replays: ReplayParkedEvents,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = serveCommand(
      this.nc,
      subjectsFor(this.config.shared.instance).replayParkedCommand,
      'projection',
      replayParkedCommandSchema,
      async (command): Promise<ReplayParkedResult> => {
        if (command.all === true) return this.replays.replayAll(command.meta);
        if (typeof command.id === 'number' && Number.isSafeInteger(command.id) && command.id > 0) return this.replays.replayOne(command.id, command.meta);
        throw new YardError(ErrorCode.ValidationFailed, 'Name a parked event (a positive whole number) or all of them', [{ field: 'id', message: 'must be a positive whole number' }]);
      },
      (error) => this.logger.error(`Parked-event replay not answered: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
  }
}
