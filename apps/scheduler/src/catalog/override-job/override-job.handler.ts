import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { applyOverrides, ErrorCode, newEvent, subjectsFor, YardError, type EffectiveJob, type JobOverridden, type OverrideJobCommand } from '@yardmaster/contracts';
import { CatalogReader, EventPublisher } from '@yardmaster/messaging';
import type { SchedulerConfig } from '../../config';
import { SCHEDULER_CONFIG } from '../../scheduler-config.token';
import { parseJobOverrides } from './job-overrides.parser';

/**
 * `catalog.override`: an administrator changes a job's name, grouping, description, default queue, timeouts,
 * concurrency or enabled flag. The whole set is published; the newest per job is what counts, so an
 * override survives every reload of the job's code until it is cleared (overrides: null).
 */
@Injectable()
export class OverrideJobHandler {
  constructor(
    @Inject(SCHEDULER_CONFIG) private readonly config: SchedulerConfig,
    private readonly catalog: CatalogReader,
    private readonly publisher: EventPublisher,
  ) {}

  async handle(command: OverrideJobCommand): Promise<EffectiveJob> {
    const job = await this.catalog.findAnnounced(command.jobId);
    if (!job) throw new YardError(ErrorCode.JobNotFound, `No installed job has the id ${JSON.stringify(command.jobId)}`);
    const { overrides, errors } = command.overrides === null ? { overrides: {}, errors: [] } : parseJobOverrides(command.overrides, job, this.config.customQueues);
    if (errors.length > 0) throw new YardError(ErrorCode.ValidationFailed, `The overrides of ${job.id} are invalid`, errors);
    const id = randomUUID();
    const event: JobOverridden = newEvent({
      id,
      type: 'catalog.job_overridden',
      occurredAt: new Date().toISOString(),
      aggregateId: job.id,
      sequence: 0,
      correlationId: command.meta.correlationId,
      actor: command.meta.actor,
      data: { jobId: job.id, overrides },
    });
    await this.publisher.publish(subjectsFor(this.config.shared.instance).jobOverridden(job.id), event);
    this.catalog.forget(job.id);
    return applyOverrides(job, overrides);
  }
}
