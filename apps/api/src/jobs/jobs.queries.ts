import { InjectDataSource } from '@nestjs/typeorm';
import { Injectable } from '@nestjs/common';
import type { JobView, Principal } from '@yardmaster/contracts';
import { DataSource, JobDefinitionRecord, READ_MODELS } from '@yardmaster/read-models';
import type { Page } from '../http/pagination';
import { jobView } from './job.view';
import { onlyVisibleJobs } from './visible-jobs';

/** The catalog as the projection keeps it (`job_definitions`), for the job routes and for checks before a run starts. */
@Injectable()
export class JobsQueries {
  constructor(@InjectDataSource(READ_MODELS) private readonly dataSource: DataSource) {}

  /** One page of the jobs the principal may see, by grouping then name; `installed` narrows to those (not) installed. */
  async list(installed: boolean | undefined, principal: Principal, page: Page): Promise<{ items: JobView[]; total: number }> {
    const builder = this.dataSource.getRepository(JobDefinitionRecord).createQueryBuilder('job').where('TRUE');
    if (installed !== undefined) builder.andWhere('job.installed = :installed', { installed });
    const [records, total] = await onlyVisibleJobs(builder, principal)
      .orderBy('job.grouping', 'ASC')
      .addOrderBy('job.name', 'ASC')
      .take(page.limit)
      .skip(page.offset)
      .getManyAndCount();
    return { items: records.map(jobView), total };
  }

  /** The job as it runs (overrides applied), or null when the catalog does not list it. */
  async find(jobId: string): Promise<JobView | null> {
    const record = await this.dataSource.getRepository(JobDefinitionRecord).findOneBy({ id: jobId });
    return record ? jobView(record) : null;
  }
}
