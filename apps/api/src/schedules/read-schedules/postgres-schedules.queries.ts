import { InjectDataSource } from '@nestjs/typeorm';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@yardmaster/contracts';
import { DataSource, JobDefinitionRecord, ScheduleRecord, READ_MODELS } from '@yardmaster/read-models';
import type { SelectQueryBuilder } from 'typeorm';
import type { Found, Page } from '../../http/pagination';
import { onlyVisibleJobs } from '../../jobs/visible-jobs';
import { SchedulesQueries, type ScheduleFilters } from './schedules.queries';

/** The schedule routes' reads, from the projection's `schedules` joined to the catalog for who may see them. */
@Injectable()
export class PostgresSchedulesQueries extends SchedulesQueries {
  constructor(@InjectDataSource(READ_MODELS) private readonly dataSource: DataSource) {
    super();
  }

  async list(filters: ScheduleFilters, principal: Principal, page: Page): Promise<Found<ScheduleRecord>> {
    // A query builder, as for runs: TypeORM's typed `where` recurses without end through the jsonb column types.
    const builder = this.visibleSchedules(principal);
    if (filters.jobId) builder.andWhere('schedule.jobId = :jobId', { jobId: filters.jobId });
    if (filters.state) builder.andWhere('schedule.state = :state', { state: filters.state });
    const [records, total] = await builder.orderBy('schedule.key', 'ASC').addOrderBy('schedule.id', 'ASC').limit(page.limit).offset(page.offset).getManyAndCount();
    return { records, total };
  }

  find(scheduleId: string, principal: Principal): Promise<ScheduleRecord | null> {
    return this.visibleSchedules(principal).andWhere('schedule.id = :scheduleId', { scheduleId }).getOne();
  }

  /** Schedules not deleted (`schedule`) with their job (`job`, when in the catalog), narrowed to the jobs the principal may see. */
  private visibleSchedules(principal: Principal): SelectQueryBuilder<ScheduleRecord> {
    const builder = this.dataSource
      .getRepository(ScheduleRecord)
      .createQueryBuilder('schedule')
      .leftJoin(JobDefinitionRecord, 'job', 'job.id = schedule.jobId')
      .where('schedule.deletedAt IS NULL');
    return onlyVisibleJobs(builder, principal, 'schedule.jobId');
  }
}
