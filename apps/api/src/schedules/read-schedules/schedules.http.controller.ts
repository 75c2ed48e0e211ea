import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ErrorCode, YardError, type ScheduleStateName } from '@yardmaster/contracts';
import { DataSource, ScheduleRecord } from '@yardmaster/read-models';
import { RequirePermission } from '../../auth/route-access';
import { readPage, type PageOf } from '../../http/pagination';
import { scheduleView } from '../schedule.view';

const SCHEDULE_STATES: readonly ScheduleStateName[] = ['active', 'paused'];

function isScheduleState(value: string): value is ScheduleStateName {
  return (SCHEDULE_STATES as readonly string[]).includes(value);
}

/**
 * Schedules as the projection keeps them. A deleted schedule is gone from here; its runs stay under /api/runs.
 * Whoever may see the catalog may see when its jobs are scheduled to run.
 */
@ApiTags('schedules')
@ApiBearerAuth()
@Controller('api/schedules')
@RequirePermission('jobs.view')
export class SchedulesHttpController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'List schedules (not deleted), by key' })
  @ApiQuery({ name: 'jobId', required: false })
  @ApiQuery({ name: 'state', required: false, enum: SCHEDULE_STATES })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  @ApiOkResponse({ description: '{ items, total, limit, offset }' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: a bad state, limit or offset' })
  async list(
    @Query() query: { jobId?: string; state?: string; limit?: string; offset?: string },
  ): Promise<PageOf<ReturnType<typeof scheduleView>>> {
    const page = readPage(query);
    if (query.state !== undefined && !isScheduleState(query.state)) {
      throw new YardError(ErrorCode.ValidationFailed, 'Invalid filter', [{ field: 'state', message: `must be one of ${SCHEDULE_STATES.join(', ')}` }]);
    }
    // A query builder, as for runs: TypeORM's typed `where` recurses without end through the jsonb column types.
    const builder = this.dataSource.getRepository(ScheduleRecord).createQueryBuilder('schedule').where('schedule.deletedAt IS NULL');
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
  @ApiOkResponse({ description: 'The schedule' })
  @ApiNotFoundResponse({ description: 'SCHEDULE_NOT_FOUND, also for a deleted schedule' })
  async get(@Param('scheduleId') scheduleId: string): Promise<ReturnType<typeof scheduleView>> {
    const record = await this.dataSource
      .getRepository(ScheduleRecord)
      .createQueryBuilder('schedule')
      .where('schedule.id = :scheduleId AND schedule.deletedAt IS NULL', { scheduleId })
      .getOne();
    if (!record) throw new YardError(ErrorCode.ScheduleNotFound, `No schedule has the id ${JSON.stringify(scheduleId)}`);
    return scheduleView(record);
  }
}
