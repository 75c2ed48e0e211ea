import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/nats-core';
import { streamNamesFor, subjectsFor, type CatalogAnnounced, type JobDefinition } from '@yardmaster/contracts';
import { NATS_CONNECTION, readLastEvent } from '@yardmaster/messaging';
import { SCHEDULER_CONFIG } from '../scheduler-config.token';
import type { SchedulerConfig } from '../config';

/** Brief enough that a collector's new announcement counts at once for a person, long enough to spare a burst. */
const CACHE_MILLIS = 1_000;

/**
 * The job catalog as the scheduler sees it: the latest announcement on the catalog stream, read directly
 * from JetStream (the scheduler never reads another service's read models).
 */
@Injectable()
export class CatalogReader {
  private cached: { at: number; jobs: Map<string, JobDefinition> } | null = null;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SCHEDULER_CONFIG) private readonly config: SchedulerConfig,
  ) {}

  async findJob(jobId: string): Promise<JobDefinition | undefined> {
    return (await this.jobs()).get(jobId);
  }

  private async jobs(): Promise<Map<string, JobDefinition>> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < CACHE_MILLIS) return this.cached.jobs;
    const { instance } = this.config.shared;
    const announcement = await readLastEvent<CatalogAnnounced>(this.nc, streamNamesFor(instance).catalog, subjectsFor(instance).catalogAnnounced);
    const jobs = new Map((announcement?.data.jobs ?? []).map((job) => [job.id, job]));
    this.cached = { at: now, jobs };
    return jobs;
  }
}
