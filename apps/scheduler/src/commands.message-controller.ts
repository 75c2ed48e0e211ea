import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/nats-core';
import {
  subjectsFor,
  type CancelRunCommand,
  type OverrideJobCommand,
  type ScheduleActionCommand,
  type StartRunCommand,
  type UpdateScheduleCommand,
  type UpsertScheduleCommand,
} from '@yardmaster/contracts';
import { NATS_CONNECTION, serveCommand } from '@yardmaster/messaging';
import { CancelRunHandler } from './cancel-run/cancel-run.handler';
import { OverrideJobHandler } from './catalog/override-job/override-job.handler';
import type { SchedulerConfig } from './config';
import { SCHEDULER_CONFIG } from './scheduler-config.token';
import { ScheduleActionHandler } from './schedules/schedule-action/schedule-action.handler';
import { UpdateScheduleHandler } from './schedules/update-schedule/update-schedule.handler';
import { UpsertScheduleHandler } from './schedules/upsert-schedule/upsert-schedule.handler';
import { StartRunHandler } from './start-run/start-run.handler';
import { KeyedCommands } from './idempotency/keyed-commands';

/**
 * The scheduler's NATS entry points: one request/reply subject per command, each answered by its handler.
 * Scheduler replicas share every subject through the `scheduler` queue group.
 */
@Injectable()
export class CommandsMessageController implements OnApplicationBootstrap {
  private readonly logger = new Logger(CommandsMessageController.name);

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SCHEDULER_CONFIG) private readonly config: SchedulerConfig,
    private readonly startRun: StartRunHandler,
    private readonly cancelRun: CancelRunHandler,
    private readonly upsertSchedule: UpsertScheduleHandler,
    private readonly updateSchedule: UpdateScheduleHandler,
    private readonly scheduleAction: ScheduleActionHandler,
    private readonly overrideJob: OverrideJobHandler,
    private readonly keyed: KeyedCommands,
  ) {}

  onApplicationBootstrap(): void {
    const subjects = subjectsFor(this.config.shared.instance);
    this.serve<StartRunCommand>(subjects.startRunCommand, (command) => this.startRun.handle(command));
    // A keyed cancel is answered once: its repeat gets the first answer, not RUN_ALREADY_FINISHED once the run has ended.
    this.serve<CancelRunCommand>(subjects.cancelRunCommand, (command) =>
      command.idempotency ? this.keyed.answerOnce(command.idempotency, () => this.cancelRun.handle(command)) : this.cancelRun.handle(command),
    );
    this.serve<UpsertScheduleCommand>(subjects.upsertScheduleCommand, (command) => this.upsertSchedule.handle(command));
    this.serve<UpdateScheduleCommand>(subjects.updateScheduleCommand, (command) => this.updateSchedule.handle(command));
    this.serve<ScheduleActionCommand>(subjects.scheduleActionCommand, (command) => this.scheduleAction.handle(command));
    this.serve<OverrideJobCommand>(subjects.overrideJobCommand, (command) => this.overrideJob.handle(command));
  }

  private serve<TCommand>(subject: string, handle: (command: TCommand) => Promise<unknown>): void {
    serveCommand<TCommand, unknown>(this.nc, subject, 'scheduler', handle, (error) =>
      this.logger.error(`${subject} failed unexpectedly: ${error instanceof Error ? error.stack : String(error)}`),
    );
  }
}
