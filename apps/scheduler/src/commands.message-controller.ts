import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/nats-core';
import {
  cancelRunCommandSchema,
  overrideJobCommandSchema,
  scheduleActionCommandSchema,
  startRunCommandSchema,
  subjectsFor,
  updateScheduleCommandSchema,
  upsertScheduleCommandSchema,
  type Contract,
} from '@yardmaster/contracts';
import { errorLogFields, NATS_CONNECTION, serveCommand } from '@yardmaster/messaging';
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
    this.serve(subjects.startRunCommand, startRunCommandSchema, (command) => this.startRun.handle(command));
    // A keyed cancel is answered once: its repeat gets the first answer, not RUN_ALREADY_FINISHED once the run has ended.
    this.serve(subjects.cancelRunCommand, cancelRunCommandSchema, (command) =>
      command.idempotency ? this.keyed.answerOnce(command.idempotency, () => this.cancelRun.handle(command)) : this.cancelRun.handle(command),
    );
    this.serve(subjects.upsertScheduleCommand, upsertScheduleCommandSchema, (command) => this.upsertSchedule.handle(command));
    this.serve(subjects.updateScheduleCommand, updateScheduleCommandSchema, (command) => this.updateSchedule.handle(command));
    this.serve(subjects.scheduleActionCommand, scheduleActionCommandSchema, (command) => this.scheduleAction.handle(command));
    this.serve(subjects.overrideJobCommand, overrideJobCommandSchema, (command) => this.overrideJob.handle(command));
  }

  private serve<TCommand>(subject: string, contract: Contract<TCommand>, handle: (command: TCommand) => Promise<unknown>): void {
    serveCommand<TCommand, unknown>(this.nc, subject, 'scheduler', contract, handle, (error) =>
      this.logger.error({ subject, ...errorLogFields(error) }, 'Command failed unexpectedly'),
    );
  }
}
