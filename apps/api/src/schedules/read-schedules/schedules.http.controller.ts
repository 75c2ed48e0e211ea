import { Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import { ErrorCode, openApiSchemaOf, pageSchema, scheduleViewSchema, YardError, type Principal, type ScheduleStateName } from '@yardmaster/contracts';
import { CurrentPrincipal } from '../../auth/principal.decorator';
import { RequirePermission } from '../../auth/route-access';
import { ApiController, ApiPageResponse } from '../../http/api-controller.decorator';
import { readPage, type PageOf } from '../../http/pagination';
import { scheduleView } from '../schedule.view';
import { SchedulesQueries } from './schedules.queries';

const SCHEDULE_STATES: readonly ScheduleStateName[] = ['active', 'paused'];

function isScheduleState(value: string): value is ScheduleStateName {
  return (SCHEDULE_STATES as readonly string[]).includes(value);
}

/**
 * Schedules as the projection keeps them. A deleted schedule is gone from here; its runs stay under /api/runs.
 * One sees the schedules of the jobs one may see (the whole catalog with jobs.view, else those one's jobs.run
 * covers), as in the catalog: a schedule's data and owner are no business of someone who may not see its job.
 */
@ApiController('schedules', 'api/schedules', RequirePermission('jobs.view'))
export class SchedulesHttpController {
  constructor(private readonly schedules: SchedulesQueries) {}

  @Get()
  @ApiOperation({ summary: 'List schedules (not deleted), by key' })
  @ApiQuery({ name: 'jobId', required: false })
  @ApiQuery({ name: 'state', required: false, enum: SCHEDULE_STATES })
  @ApiPageResponse('One page of schedules', openApiSchemaOf(pageSchema(scheduleViewSchema)))
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: a bad state, limit or offset' })
  async list(
    @Query() query: { jobId?: string; state?: string; limit?: string; offset?: string },
    @CurrentPrincipal() principal: Principal,
  ): Promise<PageOf<ReturnType<typeof scheduleView>>> {
    const page = readPage(query);
    if (query.state !== undefined && !isScheduleState(query.state)) {
      throw new YardError(ErrorCode.ValidationFailed, 'Invalid filter', [{ field: 'state', message: `must be one of ${SCHEDULE_STATES.join(', ')}` }]);
    }
    const filters = { ...(query.jobId ? { jobId: query.jobId } : {}), ...(query.state ? { state: query.state } : {}) };
    const { records, total } = await this.schedules.list(filters, principal, page);
    return { items: records.map(scheduleView), total, ...page };
  }

  @Get(':scheduleId')
  @ApiOperation({ summary: 'One schedule: its definition, state, next run times, last run and number of runs' })
  @ApiOkResponse({ description: 'The schedule', schema: openApiSchemaOf(scheduleViewSchema) })
  @ApiNotFoundResponse({ description: 'SCHEDULE_NOT_FOUND, also for a deleted schedule and one of a job one may not see' })
  async get(@Param('scheduleId') scheduleId: string, @CurrentPrincipal() principal: Principal): Promise<ReturnType<typeof scheduleView>> {
    const record = await this.schedules.find(scheduleId, principal);
    if (!record) throw new YardError(ErrorCode.ScheduleNotFound, `No schedule has the id ${JSON.stringify(scheduleId)}`);
    return scheduleView(record);
  }
}
