import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/nats-core';
import { subjectsFor, type CancelRunCommand } from '@yardmaster/contracts';
import { NATS_CONNECTION, serveCommand } from '@yardmaster/messaging';
import type { SchedulerConfig } from '../config';
import { SCHEDULER_CONFIG } from '../scheduler-config.token';
import { CancelRunHandler } from './cancel-run.handler';

/** The NATS entry point of `run.cancel`. */
@Injectable()
export class CancelRunMessageController implements OnApplicationBootstrap {
  private readonly logger = new Logger(CancelRunMessageController.name);

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SCHEDULER_CONFIG) private readonly config: SchedulerConfig,
    private readonly handler: CancelRunHandler,
  ) {}

  onApplicationBootstrap(): void {
    serveCommand<CancelRunCommand, unknown>(
      this.nc,
      subjectsFor(this.config.shared.instance).cancelRunCommand,
      'scheduler',
      (command) => this.handler.handle(command),
      (error) => this.logger.error(`run.cancel failed unexpectedly: ${error instanceof Error ? error.stack : String(error)}`),
    );
  }
}
