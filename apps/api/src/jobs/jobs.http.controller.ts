import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiNotFoundResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ErrorCode, YardError } from '@yardmaster/contracts';
import { DataSource, JobDefinitionRecord } from '@yardmaster/read-models';
import { readPage, type PageOf } from '../http/pagination';
import { jobView } from './job.view';

@ApiTags('jobs')
@Controller('api/jobs')
export class JobsHttpController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'List the job catalog, grouped then by name' })
  @ApiQuery({ name: 'installed', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  async list(@Query() query: { installed?: string; limit?: string; offset?: string }): Promise<PageOf<ReturnType<typeof jobView>>> {
    const page = readPage(query);
    const where = query.installed === undefined ? {} : { installed: query.installed === 'true' };
    const [records, total] = await this.dataSource.getRepository(JobDefinitionRecord).findAndCount({
      where,
      order: { grouping: 'ASC', name: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items: records.map(jobView), total, ...page };
  }

  @Get(':jobId')
  @ApiOperation({ summary: 'One job, with its variables and their JSON Schema' })
  @ApiOkResponse({ description: 'The job' })
  @ApiNotFoundResponse({ description: 'JOB_NOT_FOUND' })
  async get(@Param('jobId') jobId: string): Promise<ReturnType<typeof jobView>> {
    const record = await this.dataSource.getRepository(JobDefinitionRecord).findOneBy({ id: jobId });
    if (!record) throw new YardError(ErrorCode.JobNotFound, `No job has the id ${JSON.stringify(jobId)}`);
    return jobView(record);
  }
}
