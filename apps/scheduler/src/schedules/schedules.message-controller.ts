import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/nats-core';
import { subjectsFor, type ScheduleActionCommand, type UpdateScheduleCommand, type UpsertScheduleCommand } from '@yardmaster/contracts';
import { NATS_CONNECTION, serveCommand } from '@yardmaster/messaging';
import type { SchedulerConfig } from '../config';
import { SCHEDULER_CONFIG } from '../scheduler-config.token';
import { ScheduleActionHandler } from './schedule-action/schedule-action.handler';
import { UpdateScheduleHandler } from './update-schedule/update-schedule.handler';
import { UpsertScheduleHandler } from './upsert-schedule/upsert-schedule.handler';

/** The NATS entry points of the schedule commands. */
@Injectable()
export class SchedulesMessageController implements OnApplicationBootstrap {
  private readonly logger = new Logger(SchedulesMessageController.name);

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SCHEDULER_CONFIG) private readonly config: SchedulerConfig,
    private readonly upsert: UpsertScheduleHandler,
    private readonly update: UpdateScheduleHandler,
    private readonly action: ScheduleActionHandler,
  ) {}

  onApplicationBootstrap(): void {
    const subjects = subjectsFor(this.config.shared.instance);
    const onError = (error: unknown) => this.logger.error(`A schedule command failed unexpectedly: ${error instanceof Error ? error.stack : String(error)}`);
    serveCommand<UpsertScheduleCommand, unknown>(this.nc, subjects.upsertScheduleCommand, 'scheduler', (command) => this.upsert.handle(command), onError);
    serveCommand<UpdateScheduleCommand, unknown>(this.nc, subjects.updateScheduleCommand, 'scheduler', (command) => this.update.handle(command), onError);
    serveCommand<ScheduleActionCommand, unknown>(this.nc, subjects.scheduleActionCommand, 'scheduler', (command) => this.action.handle(command), onError);
  }
}
