import { Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiNotFoundResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import { ErrorCode, jobViewSchema, openApiSchemaOf, pageSchema, YardError, type Principal } from '@yardmaster/contracts';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { RequirePermission } from '../auth/route-access';
import { ApiController, ApiPageResponse } from '../http/api-controller.decorator';
import { readPage, type PageOf } from '../http/pagination';
import { readInstalledFilter } from './installed-filter';
import { jobView } from './job.view';
import { JobsQueries } from './jobs.queries';
import { isVisibleJob } from './visible-jobs';

@ApiController('jobs', 'api/jobs', RequirePermission('jobs.view'))
export class JobsHttpController {
  constructor(private readonly jobs: JobsQueries) {}

  @Get()
  @ApiOperation({ summary: 'List the job catalog, grouped then by name (only the jobs one may run, without jobs.view)' })
  @ApiQuery({ name: 'installed', required: false, enum: ['true', 'false'] })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: installed other than true or false, a bad limit or offset' })
  @ApiPageResponse('One page of jobs', openApiSchemaOf(pageSchema(jobViewSchema)))
  async list(
    @Query() query: { installed?: string; limit?: string; offset?: string },
    @CurrentPrincipal() principal: Principal,
  ): Promise<PageOf<ReturnType<typeof jobView>>> {
    const page = readPage(query);
    const { items, total } = await this.jobs.list(readInstalledFilter(query.installed), principal, page);
    return { items, total, ...page };
  }

  @Get(':jobId')
  @ApiOperation({ summary: 'One job, with its variables and their JSON Schema' })
  @ApiOkResponse({ description: 'The job', schema: openApiSchemaOf(jobViewSchema) })
  @ApiNotFoundResponse({ description: 'JOB_NOT_FOUND, also for a job one may not see' })
  async get(@Param('jobId') jobId: string, @CurrentPrincipal() principal: Principal): Promise<ReturnType<typeof jobView>> {
    const job = await this.jobs.find(jobId);
    if (!job || !isVisibleJob(principal, job.id, job.grouping)) throw new YardError(ErrorCode.JobNotFound, `No job has the id ${JSON.stringify(jobId)}`);
    return job;
  }
}
