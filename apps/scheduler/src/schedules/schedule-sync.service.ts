import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { errorLogFields } from '@yardmaster/messaging';
import { temporalScheduleIdFor, type ScheduleSnapshot } from '@yardmaster/contracts';
import { CatalogReader } from '@yardmaster/messaging';
import type { SchedulerConfig } from '../config';
import { SCHEDULER_CONFIG } from '../scheduler-config.token';
import { ScheduleRegistry } from './schedule-registry';
import { snapshotOf } from './temporal-schedule';

/**
 * Keeps the schedules read model in step with Temporal (next run times move on, a schedule may be paused from
 * the Web UI) and pauses the schedules of jobs that are no longer installed, saying why.
 */
@Injectable()
export class ScheduleSyncService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ScheduleSyncService.name);
  private readonly published = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;
  private pass: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(SCHEDULER_CONFIG) private readonly config: SchedulerConfig,
    private readonly registry: ScheduleRegistry,
    private readonly catalog: CatalogReader,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.pass = this.syncOnce().catch((error: unknown) => this.logger.warn(errorLogFields(error), 'Schedule sync skipped'));
    }, this.config.reconcileIntervalSeconds * 1000);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.pass;
  }

  async syncOnce(): Promise<number> {
    const client = await this.registry.client();
    const prefix = temporalScheduleIdFor(this.config.shared.instance, '');
    let published = 0;
    for await (const summary of client.schedule.list()) {
      if (!summary.scheduleId.startsWith(prefix)) continue;
      const scheduleId = summary.scheduleId.slice(prefix.length);
      const description = await this.registry.describe(scheduleId).catch(() => null);
      if (!description) continue;
      let snapshot = snapshotOf(scheduleId, description);
      const reason = snapshot.state === 'active' ? await this.reasonToPause(snapshot.definition.jobId) : null;
      if (reason) {
        await this.registry.pauseFor(scheduleId, reason);
        snapshot = snapshotOf(scheduleId, await this.registry.describe(scheduleId));
      }
      if (this.changed(snapshot)) {
        await this.registry.publish(snapshot);
        published++;
      }
    }
    return published;
  }

  /** A schedule cannot run a job that is gone or disabled: it pauses, saying which. */
  private async reasonToPause(jobId: string): Promise<string | null> {
    const job = await this.catalog.findJob(jobId);
    if (!job) return `job ${jobId} is not installed`;
    return job.enabled ? null : `job ${jobId} is disabled`;
  }

  private changed(snapshot: ScheduleSnapshot): boolean {
    const { observedAt: _observedAt, ...content } = snapshot;
    const fingerprint = JSON.stringify(content);
    if (this.published.get(snapshot.scheduleId) === fingerprint) return false;
    this.published.set(snapshot.scheduleId, fingerprint);
    return true;
  }
}
