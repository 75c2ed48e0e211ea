import { InjectDataSource } from '@nestjs/typeorm';
import { Injectable } from '@nestjs/common';
import { MoreThan } from 'typeorm';
import { DataSource, JobLogEntryRecord, JobRunRecord, READ_MODELS } from '@yardmaster/read-models';
import type { Found, Page } from '../../http/pagination';
import { RunsQueries, type LogFilters, type RunFilters } from './runs.queries';

/** The run routes' reads, from the projection's `job_runs` and `job_log_entries`. */
@Injectable()
export class PostgresRunsQueries extends RunsQueries {
  constructor(@InjectDataSource(READ_MODELS) private readonly dataSource: DataSource) {
    super();
  }

  async list(filters: RunFilters, ownedBy: string | null, page: Page): Promise<Found<JobRunRecord>> {
    const [records, total] = await this.dataSource.getRepository(JobRunRecord).findAndCount({
      // One's own runs are those one requested OR that act as one (an OR of the two conditions).
      where: ownedBy === null ? { ...filters } : [
        { ...filters, requestedBy: ownedBy },
        { ...filters, runAs: ownedBy },
      ],
      order: { createdAt: 'DESC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { records, total };
  }

  find(runId: string): Promise<JobRunRecord | null> {
    // A query builder, because TypeORM's typed `where` recurses without end through the jsonb column types.
    return this.dataSource.getRepository(JobRunRecord).createQueryBuilder('run').where('run.id = :runId', { runId }).getOne();
  }

  async logs(runId: string, filters: LogFilters, page: Page): Promise<Found<JobLogEntryRecord>> {
    const entries = this.dataSource.getRepository(JobLogEntryRecord);
    const { afterPosition, ...equalTo } = filters;
    const where = { runId, ...equalTo, ...(afterPosition === undefined ? {} : { position: MoreThan(String(afterPosition)) }) };
    // Counted with count(*): findAndCount counts DISTINCT ids, several times slower on a run of 100,000 lines,
    // and every page of the log pays for the count.
    const [records, counted] = await Promise.all([
      entries.find({ where, order: { position: 'ASC' }, take: page.limit, skip: page.offset }),
      entries.createQueryBuilder('entry').select('count(*)', 'total').where(where).getRawOne<{ total: string }>(),
    ]);
    return { records, total: Number(counted?.total ?? 0) };
  }
}
