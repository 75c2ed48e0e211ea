import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, sensitiveVariableNames, YardError, type ScheduleDefinition, type ScheduleReply, type ScheduleRequest, type UpdateScheduleCommand } from '@yardmaster/contracts';
import { CatalogReader } from '@yardmaster/messaging';
import type { SchedulerConfig } from '../../config';
import { SCHEDULER_CONFIG } from '../../scheduler-config.token';
import { parseScheduleRequest } from '../schedule-definition.parser';
import { ScheduleRegistry } from '../schedule-registry';
import { definitionOf } from '../temporal-schedule';
import { sensitiveJobNotSchedulable } from '../../sensitive-data/sensitive-job-refusal';
import { refuseIfNeverFires } from '../upsert-schedule/refuse-if-never-fires';

/** `schedule.update` (PATCH): changes apply from the schedule's next run on; its key and job stay. */
@Injectable()
export class UpdateScheduleHandler {
  constructor(
    @Inject(SCHEDULER_CONFIG) private readonly config: SchedulerConfig,
    private readonly catalog: CatalogReader,
    private readonly registry: ScheduleRegistry,
  ) {}

  handle(command: UpdateScheduleCommand): Promise<ScheduleReply> {
    return this.registry.command(`changing schedule ${command.scheduleId}`, () => this.update(command));
  }

  private async update(command: UpdateScheduleCommand): Promise<ScheduleReply> {
    const existing = definitionOf(await this.registry.describe(command.scheduleId));
    if (!existing) throw new YardError(ErrorCode.ScheduleNotFound, `No schedule has the id ${JSON.stringify(command.scheduleId)}`);
    const job = await this.catalog.findJob(existing.jobId);
    if (!job) throw new YardError(ErrorCode.JobNotFound, `Job ${existing.jobId} of this schedule is no longer installed`);
    const sensitive = sensitiveVariableNames(job.variables);
    if (sensitive.length > 0) throw sensitiveJobNotSchedulable(job, sensitive, 'scheduled');
    const merged = { ...withoutOldTiming(requestOf(existing), command.patch), ...command.patch } as ScheduleRequest;
    // A change keeps the owner unless an administrator names another (the API checked it).
    const { definition, errors } = parseScheduleRequest(merged, job, this.config, new Date(), command.patch.runAs ?? existing.owner);
    if (errors.length > 0) throw new YardError(ErrorCode.ValidationFailed, `The change to schedule ${existing.key} is invalid`, errors);
    await this.registry.replace(command.scheduleId, definition);
    await refuseIfNeverFires(this.registry, command.scheduleId, definition, () => this.registry.replace(command.scheduleId, existing));
    return { snapshot: await this.registry.publishCurrent(command.scheduleId, command.meta.actor, 'updated'), created: false, updated: true };
  }
}

/** The request that would create `definition`, for a patch to apply to. A new timing replaces the old one. */
function requestOf(definition: ScheduleDefinition): ScheduleRequest & Record<string, unknown> {
  return {
    key: definition.key,
    jobId: definition.jobId,
    data: definition.data,
    ...(definition.commit === null ? {} : { commit: definition.commit }),
    queue: definition.queue,
    ...(definition.runTimeoutSeconds === null ? {} : { runTimeoutSeconds: definition.runTimeoutSeconds }),
    ...(definition.timing.kind === 'at' ? { at: definition.timing.at } : {}),
    ...(definition.timing.kind === 'interval' ? { intervalMinutes: definition.timing.everyMinutes } : {}),
    ...(definition.timing.kind === 'cron' ? { cron: definition.timing.cron, timezone: definition.timing.timezone } : {}),
    ...(definition.startAt ? { startAt: definition.startAt } : {}),
    ...(definition.endAt ? { endAt: definition.endAt } : {}),
    overlap: definition.overlap,
    catchupWindowSeconds: definition.catchupWindowSeconds,
  };
}

/** A patch that names a new timing drops the old one, so "exactly one of at, intervalMinutes, cron" holds. */
export function withoutOldTiming(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const timingFields = ['at', 'intervalMinutes', 'cron', 'timezone'];
  if (!timingFields.some((field) => patch[field] !== undefined)) return base;
  return Object.fromEntries(Object.entries(base).filter(([field]) => !timingFields.includes(field)));
}
