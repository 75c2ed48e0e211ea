import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, sensitiveVariableNames, YardError, type ScheduleDefinition, type ScheduleReply, type UpsertScheduleCommand } from '@yardmaster/contracts';
import { CatalogReader } from '@yardmaster/messaging';
import type { SchedulerConfig } from '../../config';
import { SCHEDULER_CONFIG } from '../../scheduler-config.token';
import { parseScheduleRequest, scheduleIdForKey } from '../schedule-definition.parser';
import { ScheduleRegistry } from '../schedule-registry';
import { definitionOf, sameDefinition } from '../temporal-schedule';
import { sensitiveJobNotSchedulable } from '../../sensitive-data/sensitive-job-refusal';
import { refuseIfNeverFires } from './refuse-if-never-fires';

/**
 * `schedule.upsert`: exactly one schedule per key. The id follows from the key, so Temporal refuses a second
 * create whatever the number of concurrent requests or scheduler replicas; the losers find the schedule and
 * return it (same spec) or update it in place (different spec).
 */
@Injectable()
export class UpsertScheduleHandler {
  constructor(
    @Inject(SCHEDULER_CONFIG) private readonly config: SchedulerConfig,
    private readonly catalog: CatalogReader,
    private readonly registry: ScheduleRegistry,
  ) {}

  async handle(command: UpsertScheduleCommand): Promise<ScheduleReply> {
    const { request } = command;
    const job = await this.catalog.findJob(request.jobId);
    if (!job) throw new YardError(ErrorCode.JobNotFound, `No installed job has the id ${JSON.stringify(request.jobId)}`);
    const sensitive = sensitiveVariableNames(job.variables);
    if (sensitive.length > 0) throw sensitiveJobNotSchedulable(job, sensitive, 'scheduled');
    // The owner, whom the runs act as: the creator unless an administrator named someone (the API checked it).
    const { definition, errors } = parseScheduleRequest(request, job, this.config, new Date(), request.runAs ?? command.meta.actor);
    if (errors.length > 0) throw new YardError(ErrorCode.ValidationFailed, `The schedule for ${job.id} is invalid`, errors);
    const scheduleId = scheduleIdForKey(definition.key);
    return this.registry.command(`creating schedule ${definition.key}`, () => this.upsert(scheduleId, definition, command.meta.actor));
  }

  private async upsert(scheduleId: string, definition: ScheduleDefinition, actor: string): Promise<ScheduleReply> {
    if (await this.registry.create(scheduleId, definition)) {
      await refuseIfNeverFires(this.registry, scheduleId, definition, () => this.registry.delete(scheduleId));
      return { snapshot: await this.registry.publishCurrent(scheduleId, actor, 'created'), created: true, updated: false };
    }

    const existing = definitionOf(await this.registry.describe(scheduleId));
    if (existing && sameDefinition(existing, definition)) {
      return { snapshot: await this.registry.publishCurrent(scheduleId, actor, 'unchanged'), created: false, updated: false };
    }
    await this.registry.replace(scheduleId, definition);
    await refuseIfNeverFires(this.registry, scheduleId, definition, async () => {
      if (existing) await this.registry.replace(scheduleId, existing);
    });
    return { snapshot: await this.registry.publishCurrent(scheduleId, actor, 'updated'), created: false, updated: true };
  }
}
