import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiNotFoundResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, jobViewSchema, openApiSchemaOf, pageSchema, YardError, type Principal } from '@yardmaster/contracts';
import { DataSource, JobDefinitionRecord, READ_MODELS } from '@yardmaster/read-models';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { RequirePermission } from '../auth/route-access';
import { readPage, type PageOf } from '../http/pagination';
import { readInstalledFilter } from './installed-filter';
import { jobView } from './job.view';
import { isVisibleJob, onlyVisibleJobs } from './visible-jobs';

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('api/jobs')
@RequirePermission('jobs.view')
export class JobsHttpController {
  constructor(@InjectDataSource(READ_MODELS) private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'List the job catalog, grouped then by name (only the jobs one may run, without jobs.view)' })
  @ApiQuery({ name: 'installed', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: installed other than true or false, a bad limit or offset' })
  @ApiOkResponse({ description: 'One page of jobs', schema: openApiSchemaOf(pageSchema(jobViewSchema)) })
  async list(
    @Query() query: { installed?: string; limit?: string; offset?: string },
    @CurrentPrincipal() principal: Principal,
  ): Promise<PageOf<ReturnType<typeof jobView>>> {
    const page = readPage(query);
    const installed = readInstalledFilter(query.installed);
    const builder = this.dataSource.getRepository(JobDefinitionRecord).createQueryBuilder('job').where('TRUE');
    if (installed !== undefined) builder.andWhere('job.installed = :installed', { installed });
    const [records, total] = await onlyVisibleJobs(builder, principal)
      .orderBy('job.grouping', 'ASC')
      .addOrderBy('job.name', 'ASC')
      .take(page.limit)
      .skip(page.offset)
      .getManyAndCount();
    return { items: records.map(jobView), total, ...page };
  }

  @Get(':jobId')
  @ApiOperation({ summary: 'One job, with its variables and their JSON Schema' })
  @ApiOkResponse({ description: 'The job', schema: openApiSchemaOf(jobViewSchema) })
  @ApiNotFoundResponse({ description: 'JOB_NOT_FOUND, also for a job one may not see' })
  async get(@Param('jobId') jobId: string, @CurrentPrincipal() principal: Principal): Promise<ReturnType<typeof jobView>> {
    const record = await this.dataSource.getRepository(JobDefinitionRecord).findOneBy({ id: jobId });
    const job = record ? jobView(record) : null;
    if (!job || !isVisibleJob(principal, job.id, job.grouping)) throw new YardError(ErrorCode.JobNotFound, `No job has the id ${JSON.stringify(jobId)}`);
    return job;
  }
}
