import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, openApiSchemaOf, pageSchema, scheduleViewSchema, YardError, type Principal, type ScheduleStateName } from '@yardmaster/contracts';
import { DataSource, JobDefinitionRecord, READ_MODELS, ScheduleRecord } from '@yardmaster/read-models';
import type { SelectQueryBuilder } from 'typeorm';
import { CurrentPrincipal } from '../../auth/principal.decorator';
import { RequirePermission } from '../../auth/route-access';
import { readPage, type PageOf } from '../../http/pagination';
import { onlyVisibleJobs } from '../../jobs/visible-jobs';
import { scheduleView } from '../schedule.view';

const SCHEDULE_STATES: readonly ScheduleStateName[] = ['active', 'paused'];

function isScheduleState(value: string): value is ScheduleStateName {
  return (SCHEDULE_STATES as readonly string[]).includes(value);
}

/**
 * Schedules as the projection keeps them. A deleted schedule is gone from here; its runs stay under /api/runs.
 * One sees the schedules of the jobs one may see (the whole catalog with jobs.view, else those one's jobs.run
 * covers), as in the catalog: a schedule's data and owner are no business of someone who may not see its job.
 */
@ApiTags('schedules')
@ApiBearerAuth()
@Controller('api/schedules')
@RequirePermission('jobs.view')
export class SchedulesHttpController {
  constructor(@InjectDataSource(READ_MODELS) private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'List schedules (not deleted), by key' })
  @ApiQuery({ name: 'jobId', required: false })
  @ApiQuery({ name: 'state', required: false, enum: SCHEDULE_STATES })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  @ApiOkResponse({ description: 'One page of schedules', schema: openApiSchemaOf(pageSchema(scheduleViewSchema)) })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: a bad state, limit or offset' })
  async list(
    @Query() query: { jobId?: string; state?: string; limit?: string; offset?: string },
    @CurrentPrincipal() principal: Principal,
  ): Promise<PageOf<ReturnType<typeof scheduleView>>> {
    const page = readPage(query);
    if (query.state !== undefined && !isScheduleState(query.state)) {
      throw new YardError(ErrorCode.ValidationFailed, 'Invalid filter', [{ field: 'state', message: `must be one of ${SCHEDULE_STATES.join(', ')}` }]);
    }
    // A query builder, as for runs: TypeORM's typed `where` recurses without end through the jsonb column types.
    const builder = this.visibleSchedules(principal).andWhere('schedule.deletedAt IS NULL');
    if (query.jobId) builder.andWhere('schedule.jobId = :jobId', { jobId: query.jobId });
    if (query.state) builder.andWhere('schedule.state = :state', { state: query.state });
    const [records, total] = await builder
      .orderBy('schedule.key', 'ASC')
      .addOrderBy('schedule.id', 'ASC')
      .limit(page.limit)
      .offset(page.offset)
      .getManyAndCount();
    return { items: records.map(scheduleView), total, ...page };
  }

  @Get(':scheduleId')
  @ApiOperation({ summary: 'One schedule: its definition, state, next run times, last run and number of runs' })
  @ApiOkResponse({ description: 'The schedule', schema: openApiSchemaOf(scheduleViewSchema) })
  @ApiNotFoundResponse({ description: 'SCHEDULE_NOT_FOUND, also for a deleted schedule and one of a job one may not see' })
  async get(@Param('scheduleId') scheduleId: string, @CurrentPrincipal() principal: Principal): Promise<ReturnType<typeof scheduleView>> {
    const record = await this.visibleSchedules(principal).andWhere('schedule.id = :scheduleId AND schedule.deletedAt IS NULL', { scheduleId }).getOne();
    if (!record) throw new YardError(ErrorCode.ScheduleNotFound, `No schedule has the id ${JSON.stringify(scheduleId)}`);
    return scheduleView(record);
  }

  /** Schedules (`schedule`) with their job (`job`, when in the catalog), narrowed to the jobs the principal may see. */
  private visibleSchedules(principal: Principal): SelectQueryBuilder<ScheduleRecord> {
    const builder = this.dataSource
      .getRepository(ScheduleRecord)
      .createQueryBuilder('schedule')
      .leftJoin(JobDefinitionRecord, 'job', 'job.id = schedule.jobId')
      .where('TRUE');
    return onlyVisibleJobs(builder, principal, 'schedule.jobId');
  }
}
