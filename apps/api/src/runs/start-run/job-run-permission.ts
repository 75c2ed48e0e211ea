import { Injectable } from '@nestjs/common';
import { can, ErrorCode, runnableJobScopes, YardError, type Principal } from '@yardmaster/contracts';
import { CatalogReader } from '@yardmaster/messaging';

/**
 * Whether the principal may run this job: `jobs.run` covering its id or the grouping it runs under (overrides
 * applied, read from the catalog stream, its one source of truth, as the scheduler reads it). The scheduler still
 * decides whether the job exists and runs.
 */
@Injectable()
export class JobRunPermission {
  constructor(private readonly catalog: CatalogReader) {}

  async require(principal: Principal, jobId: string): Promise<void> {
    // Someone who may run every job needs no lookup; the scheduler answers for jobs it does not know.
    if (runnableJobScopes(principal) === null) return;
    const grouping = (await this.catalog.findJob(jobId))?.grouping ?? null;
    if (grouping !== null && can(principal, 'jobs.run', { kind: 'job', jobId, grouping })) return;
    // A job the catalog does not (yet) list can still be named by id in a grant.
    if (grouping === null && can(principal, 'jobs.run', { kind: 'job', jobId, grouping: '' })) return;
    if (grouping === null && !can(principal, 'jobs.view')) throw new YardError(ErrorCode.JobNotFound, `No job has the id ${JSON.stringify(jobId)}`);
    throw new YardError(ErrorCode.Forbidden, `Running ${jobId} needs the permission jobs.run for it (its id or its grouping)`, undefined, {
      permission: 'jobs.run',
      jobId,
    });
  }
}
