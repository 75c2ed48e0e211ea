import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/nats-core';
import { subjectsFor, type StartRunCommand } from '@yardmaster/contracts';
import { NATS_CONNECTION, serveCommand } from '@yardmaster/messaging';
import type { SchedulerConfig } from '../config';
import { SCHEDULER_CONFIG } from '../scheduler-config.token';
import { StartRunHandler } from './start-run.handler';

/** The NATS entry point of `run.start`. Scheduler replicas share the subject through a queue group. */
@Injectable()
export class StartRunMessageController implements OnApplicationBootstrap {
  private readonly logger = new Logger(StartRunMessageController.name);

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SCHEDULER_CONFIG) private readonly config: SchedulerConfig,
    private readonly handler: StartRunHandler,
  ) {}

  onApplicationBootstrap(): void {
    serveCommand<StartRunCommand, unknown>(
      this.nc,
      subjectsFor(this.config.shared.instance).startRunCommand,
      'scheduler',
      (command) => this.handler.handle(command),
      (error) => this.logger.error(`run.start failed unexpectedly: ${error instanceof Error ? error.stack : String(error)}`),
    );
  }
}
