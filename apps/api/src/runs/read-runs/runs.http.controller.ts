import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
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
  type FieldError,
  type LogEntryView,
  type LogLevel,
  type Principal,
} from '@yardmaster/contracts';
import { DataSource, JobLogEntryRecord, JobRunRecord, READ_MODELS } from '@yardmaster/read-models';
import type { ApiConfig } from '../../config';
import { API_CONFIG } from '../../api-config.token';
import { CurrentPrincipal } from '../../auth/principal.decorator';
import { RequirePermission } from '../../auth/route-access';
import { readPage, type PageOf } from '../../http/pagination';
import { runView } from '../run.view';

/** Runs: every run with runs.view_any; otherwise only one's own (another's answers 404, as if it did not exist). */
@ApiTags('runs')
@ApiBearerAuth()
@Controller('api/runs')
@RequirePermission('runs.view_own')
export class RunsHttpController {
  constructor(
    @InjectDataSource(READ_MODELS) private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List runs, newest first: all of them with runs.view_any, else those one requested or that act as one' })
  @ApiQuery({ name: 'jobId', required: false })
  @ApiQuery({ name: 'status', required: false, enum: RUN_STATUSES })
  @ApiQuery({ name: 'scheduleId', required: false, description: 'Only the runs this schedule started' })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  @ApiOkResponse({ description: 'One page of runs', schema: openApiSchemaOf(pageSchema(runViewSchema)) })
  async list(
    @Query() query: { jobId?: string; status?: string; scheduleId?: string; limit?: string; offset?: string },
    @CurrentPrincipal() principal: Principal,
  ): Promise<PageOf<ReturnType<typeof runView>>> {
    const page = readPage(query);
    if (query.status !== undefined && !isRunStatus(query.status)) {
      throw new YardError(ErrorCode.ValidationFailed, 'Invalid filter', [{ field: 'status', message: `must be one of ${RUN_STATUSES.join(', ')}` }]);
    }
    const filters = {
      ...(query.jobId ? { jobId: query.jobId } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.scheduleId ? { scheduleId: query.scheduleId } : {}),
    };
    const [records, total] = await this.dataSource.getRepository(JobRunRecord).findAndCount({
      // The filter is in the query, not applied to a page afterwards, so the total counts what the caller may see:
      // one's own runs are those one requested OR that act as one (an OR of the two conditions).
      where: can(principal, 'runs.view_any')
        ? filters
        : [
            { ...filters, requestedBy: principal.username },
            { ...filters, runAs: principal.username },
          ],
      order: { createdAt: 'DESC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items: records.map((record) => runView(record, this.config.temporal)), total, ...page };
  }

  @Get(':runId')
  @ApiOperation({ summary: 'One run: status, timestamps, data, result, error, attempt, and its Temporal workflow' })
  @ApiNotFoundResponse({ description: 'RUN_NOT_FOUND' })
  @ApiOkResponse({ description: 'The run', schema: openApiSchemaOf(runViewSchema) })
  async get(@Param('runId') runId: string, @CurrentPrincipal() principal: Principal): Promise<ReturnType<typeof runView>> {
    return runView(await this.findRun(runId, principal), this.config.temporal);
  }

  @Get(':runId/logs')
  @ApiOperation({ summary: "A run's log entries in the order they were written" })
  @ApiQuery({ name: 'level', required: false, enum: LOG_LEVELS })
  @ApiQuery({ name: 'grouping', required: false, description: 'The step that wrote the entry: run, test_*, post_run' })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  @ApiOkResponse({ description: 'One page of log entries', schema: openApiSchemaOf(pageSchema(logEntryViewSchema)) })
  async logs(
    @Param('runId') runId: string,
    @Query() query: { level?: string; grouping?: string; limit?: string; offset?: string },
    @CurrentPrincipal() principal: Principal,
  ): Promise<PageOf<ReturnType<typeof logEntryView>>> {
    await this.findRun(runId, principal);
    const page = readPage(query);
    const errors: FieldError[] = [];
    if (query.level !== undefined && !isLogLevel(query.level)) errors.push({ field: 'level', message: `must be one of ${LOG_LEVELS.join(', ')}` });
    if (errors.length > 0) throw new YardError(ErrorCode.ValidationFailed, 'Invalid filter', errors);
    const where: { runId: string; level?: LogLevel; grouping?: string } = { runId };
    if (query.level) where.level = query.level as LogLevel;
    if (query.grouping) where.grouping = query.grouping;
    const [records, total] = await this.dataSource.getRepository(JobLogEntryRecord).findAndCount({
      where,
      order: { position: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items: records.map(logEntryView), total, ...page };
  }

  /** The run, when the principal may see it; another user's run is not found rather than forbidden. */
  private async findRun(runId: string, principal: Principal): Promise<JobRunRecord> {
    // A query builder, because TypeORM's typed `where` recurses without end through the jsonb column types.
    const record = isUuid(runId)
      ? await this.dataSource.getRepository(JobRunRecord).createQueryBuilder('run').where('run.id = :runId', { runId }).getOne()
      : null;
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
