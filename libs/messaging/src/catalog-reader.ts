import type { NatsConnection } from '@nats-io/nats-core';
import {
  applyOverrides,
  catalogAnnouncedSchema,
  jobOverriddenSchema,
  streamNamesFor,
  subjectsFor,
  type EffectiveJob,
  type JobDefinition,
  type JobOverridden,
} from '@yardmaster/contracts';
import { readLastEvent } from './stream-reader';

/** Brief enough that a collector's new announcement or an override counts at once for a person, long enough to spare a burst. */
const CACHE_MILLIS = 1_000;

interface Cached<T> {
  readonly at: number;
  readonly value: T;
}

/**
 * The job catalog's one source of truth: the latest announcement on the catalog stream and each job's newest
 * overrides, read directly from JetStream. Every decision about a job reads it here, the scheduler's (may it run,
 * with what) and the API's (may this person run it, which of its variables are files). The stream, not the read
 * model `job_definitions`, because a decision must see a change the moment it is made: an administrator who disables
 * a job gets JOB_DISABLED on the next run request, before the projection has caught up. The read model is the
 * stream's projection, for lists and views (jobs no longer installed included), never for a decision.
 */
export class CatalogReader {
  private announced: Cached<Map<string, JobDefinition>> | null = null;
  private readonly overrides = new Map<string, Cached<JobOverridden['data']['overrides']>>();

  constructor(
    private readonly nc: NatsConnection,
    private readonly instance: string,
  ) {}

  /** The job as it runs (overrides applied), or undefined when no collector hosts it. */
  async findJob(jobId: string): Promise<EffectiveJob | undefined> {
    const definition = await this.findAnnounced(jobId);
    if (!definition) return undefined;
    return applyOverrides(definition, await this.overridesOf(jobId));
  }

  /** The job as its code declares it, before overrides. */
  async findAnnounced(jobId: string): Promise<JobDefinition | undefined> {
    return (await this.announcedJobs()).get(jobId);
  }

  private async announcedJobs(): Promise<Map<string, JobDefinition>> {
    if (this.announced && Date.now() - this.announced.at < CACHE_MILLIS) return this.announced.value;
    const { instance } = this;
    const announcement = await readLastEvent(this.nc, streamNamesFor(instance).catalog, subjectsFor(instance).catalogAnnounced, catalogAnnouncedSchema);
    const value = new Map((announcement?.data.jobs ?? []).map((job) => [job.id, job]));
    this.announced = { at: Date.now(), value };
    return value;
  }

  private async overridesOf(jobId: string): Promise<JobOverridden['data']['overrides']> {
    const cached = this.overrides.get(jobId);
    if (cached && Date.now() - cached.at < CACHE_MILLIS) return cached.value;
    const { instance } = this;
    const event = await readLastEvent(this.nc, streamNamesFor(instance).catalog, subjectsFor(instance).jobOverridden(jobId), jobOverriddenSchema);
    const value = event?.data.overrides ?? {};
    this.overrides.set(jobId, { at: Date.now(), value });
    return value;
  }

  /** Forgets what it read, so the next look sees a change this process just made. */
  forget(jobId: string): void {
    this.overrides.delete(jobId);
  }
}
