import { Get, Inject, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import {
  can,
  canViewRun,
  ErrorCode,
  isLogLevel,
  isUuid,
  isRunStatus,
  logEntryViewSchema,
  openApiSchemaOf,
  pageSchema,
  runViewSchema,
  LOG_LEVELS,
  RUN_STATUSES,
  YardError,
  type LogEntryView,
  type Principal,
} from '@yardmaster/contracts';
import type { JobLogEntryRecord, JobRunRecord } from '@yardmaster/read-models';
import type { ApiConfig } from '../../config';
import { API_CONFIG } from '../../api-config.token';
import { CurrentPrincipal } from '../../auth/principal.decorator';
import { RequirePermission } from '../../auth/route-access';
import { ApiController, ApiPageResponse } from '../../http/api-controller.decorator';
import { readPage, readPosition, type PageOf } from '../../http/pagination';
import { runView } from '../run.view';
import { RunsQueries, type LogFilters, type RunFilters } from './runs.queries';
import { RUN_END_WAKEUPS } from '../wait-for-end/run-end-wakeups.token';
import { MAX_WAIT_FOR_END_SECONDS, readWaitForEnd, waitForRunEnd, type RunEndWakeups } from '../wait-for-end/wait-for-run-end';

/** Runs: every run with runs.view_any; otherwise only one's own (another's answers 404, as if it did not exist). */
@ApiController('runs', 'api/runs', RequirePermission('runs.view_own'))
export class RunsHttpController {
  constructor(
    private readonly runs: RunsQueries,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(RUN_END_WAKEUPS) private readonly runEnds: RunEndWakeups,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List runs, newest first: all of them with runs.view_any, else those one requested or that act as one' })
  @ApiQuery({ name: 'jobId', required: false })
  @ApiQuery({ name: 'status', required: false, enum: RUN_STATUSES })
  @ApiQuery({ name: 'scheduleId', required: false, description: 'Only the runs this schedule started' })
  @ApiPageResponse('One page of runs', openApiSchemaOf(pageSchema(runViewSchema)))
  async list(
    @Query() query: { jobId?: string; status?: string; scheduleId?: string; limit?: string; offset?: string },
    @CurrentPrincipal() principal: Principal,
  ): Promise<PageOf<ReturnType<typeof runView>>> {
    const page = readPage(query);
    if (query.status !== undefined && !isRunStatus(query.status)) {
      throw new YardError(ErrorCode.ValidationFailed, 'Invalid filter', [{ field: 'status', message: `must be one of ${RUN_STATUSES.join(', ')}` }]);
    }
    const filters: RunFilters = {
      ...(query.jobId ? { jobId: query.jobId } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.scheduleId ? { scheduleId: query.scheduleId } : {}),
    };
    const ownedBy = can(principal, 'runs.view_any') ? null : principal.username;
    const { records, total } = await this.runs.list(filters, ownedBy, page);
    return { items: records.map((record) => runView(record, this.config.temporal)), total, ...page };
  }

  @Get(':runId')
  @ApiOperation({
    summary: 'One run: status, timestamps, data, result, error, attempt, and its Temporal workflow',
    description:
      'With `waitForEnd`, the answer waits until the run has ended (as the read model has it) or that many seconds ' +
      'have passed, and then shows the run as it is: ended, or still queued or running (ask again to wait longer).',
  })
  @ApiQuery({
    name: 'waitForEnd',
    required: false,
    description: `Seconds (0 to ${MAX_WAIT_FOR_END_SECONDS}, fractions allowed) to wait for the run to end before answering; the answer comes as soon as it has ended`,
  })
  @ApiNotFoundResponse({ description: 'RUN_NOT_FOUND' })
  @ApiOkResponse({ description: 'The run', schema: openApiSchemaOf(runViewSchema) })
  async get(
    @Param('runId') runId: string,
    @Query('waitForEnd') waitForEnd: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReturnType<typeof runView>> {
    const waitMs = readWaitForEnd(waitForEnd);
    const read = () => this.findRun(runId, principal);
    const record = waitMs === 0 ? await read() : await waitForRunEnd(read, waitMs, this.runEnds, runId.toLowerCase());
    return runView(record, this.config.temporal);
  }

  @Get(':runId/logs')
  @ApiOperation({ summary: "A run's log entries in the order they were written" })
  @ApiQuery({ name: 'level', required: false, enum: LOG_LEVELS })
  @ApiQuery({ name: 'grouping', required: false, description: 'The step that wrote the entry: run, test_*, post_run' })
  @ApiQuery({
    name: 'after',
    required: false,
    description: "Only entries after this position (the last entry's `position` on the previous page): reads a long log page by page without skipping rows; `total` then counts the entries after it",
  })
  @ApiPageResponse('One page of log entries', openApiSchemaOf(pageSchema(logEntryViewSchema)))
  async logs(
    @Param('runId') runId: string,
    @Query() query: { level?: string; grouping?: string; after?: string; limit?: string; offset?: string },
    @CurrentPrincipal() principal: Principal,
  ): Promise<PageOf<ReturnType<typeof logEntryView>>> {
    await this.findRun(runId, principal);
    const page = readPage(query);
    if (query.level !== undefined && !isLogLevel(query.level)) {
      throw new YardError(ErrorCode.ValidationFailed, 'Invalid filter', [{ field: 'level', message: `must be one of ${LOG_LEVELS.join(', ')}` }]);
    }
    const afterPosition = readPosition(query.after, 'after');
    const filters: LogFilters = {
      ...(query.level ? { level: query.level } : {}),
      ...(query.grouping ? { grouping: query.grouping } : {}),
      ...(afterPosition === undefined ? {} : { afterPosition }),
    };
    const { records, total } = await this.runs.logs(runId, filters, page);
    return { items: records.map(logEntryView), total, ...page };
  }

  /** The run, when the principal may see it; another user's run is not found rather than forbidden. */
  private async findRun(runId: string, principal: Principal): Promise<JobRunRecord> {
    const record = isUuid(runId) ? await this.runs.find(runId) : null;
    if (!record || !canViewRun(principal, record)) throw new YardError(ErrorCode.RunNotFound, `No run has the id ${JSON.stringify(runId)}`);
    return record;
  }
}

function logEntryView(record: JobLogEntryRecord): LogEntryView {
  return {
    id: record.id,
    position: Number(record.position),
    level: record.level,
    grouping: record.grouping,
    message: record.message,
    object: record.object,
    attempt: record.attempt,
    loggedAt: record.loggedAt.toISOString(),
  };
}
