import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ErrorCode, SYSTEM_ACTOR_PREFIX, YardError } from '@yardmaster/contracts';
import { CatalogReader, errorLogFields } from '@yardmaster/messaging';
import type { SchedulerConfig } from '../../config';
import { SCHEDULER_CONFIG } from '../../scheduler-config.token';
import { parseScheduleRequest, scheduleIdForKey } from '../schedule-definition.parser';
import { ScheduleRegistry } from '../schedule-registry';

export const PRUNE_JOB_ID = 'system.PruneData';
/** How often to look again while no collector has announced the job yet (or Temporal is away). */
const RETRY_MS = 10_000;

export type PruneScheduleOutcome = 'created' | 'exists' | 'job-missing';

/**
 * Installs the daily schedule of `system.PruneData` (key `system.PruneData`) once: when the schedule exists, in
 * whatever form an administrator has left it (paused, another cron), it is left alone, so a restart never undoes
 * a change. Temporal refuses a second schedule with the same id, so replicas starting together install one.
 * It has no owner: its runs act as `schedule:system.PruneData`, like schedules from before owners.
 */
@Injectable()
export class PruneScheduleInstaller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PruneScheduleInstaller.name);
  private timer: NodeJS.Timeout | null = null;
  private attempt: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(SCHEDULER_CONFIG) private readonly config: SchedulerConfig,
    private readonly registry: ScheduleRegistry,
    private readonly catalog: CatalogReader,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.pruneScheduleCron === null) return;
    this.tryLater(0);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.attempt;
  }

  async installOnce(cron: string): Promise<PruneScheduleOutcome> {
    const scheduleId = scheduleIdForKey(PRUNE_JOB_ID);
    if (await this.exists(scheduleId)) return 'exists';
    const job = await this.catalog.findJob(PRUNE_JOB_ID);
    if (!job) return 'job-missing';
    const { definition, errors } = parseScheduleRequest({ jobId: PRUNE_JOB_ID, key: PRUNE_JOB_ID, cron, timezone: 'UTC' }, job, this.config, new Date());
    if (errors.length > 0) throw new YardError(ErrorCode.ValidationFailed, `The schedule of ${PRUNE_JOB_ID} is invalid`, errors);
    if (!(await this.registry.create(scheduleId, definition))) return 'exists';
    await this.registry.publishCurrent(scheduleId, `${SYSTEM_ACTOR_PREFIX}scheduler`, 'created');
    return 'created';
  }

  private tryLater(delayMs: number): void {
    const cron = this.config.pruneScheduleCron;
    if (cron === null) return;
    this.timer = setTimeout(() => {
      this.attempt = this.installOnce(cron).then(
        (outcome) => {
          if (outcome === 'created') this.logger.log({ jobId: PRUNE_JOB_ID, cron }, 'Pruning schedule installed');
          if (outcome === 'job-missing') this.tryLater(RETRY_MS);
        },
        (error: unknown) => {
          this.logger.warn(errorLogFields(error), 'Pruning schedule not installed yet; trying again');
          this.tryLater(RETRY_MS);
        },
      );
    }, delayMs);
  }

  private exists(scheduleId: string): Promise<boolean> {
    return this.registry.describe(scheduleId).then(
      () => true,
      (error: unknown) => {
        if (error instanceof YardError && error.code === ErrorCode.ScheduleNotFound) return false;
        throw error;
      },
    );
  }
}
