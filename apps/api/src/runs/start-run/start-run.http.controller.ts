import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal, StartRunAccepted, StartRunCommand } from '@yardmaster/contracts';
import type { Response } from 'express';
import { CurrentPrincipal } from '../../auth/principal.decorator';
import { RequirePermission } from '../../auth/route-access';
import { SchedulerCommands } from '../../http/scheduler-commands';
import { JobRunPermission } from './job-run-permission';
import { parseStartRunBody } from './start-run-body';

@ApiTags('runs')
@ApiBearerAuth()
@Controller('api/jobs/:jobId/runs')
@RequirePermission('jobs.run')
export class StartRunHttpController {
  constructor(
    private readonly scheduler: SchedulerCommands,
    private readonly permission: JobRunPermission,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Run a job. Answers once the run is queued in Temporal; follow it at the Location header.' })
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        data: { type: 'object', description: "Values of the job's variables", example: { name: 'yard', count: 3 } },
        commit: { type: 'boolean', description: 'False for a dry run', default: true },
        queue: { type: 'string', default: 'default' },
        runTimeoutSeconds: { type: 'integer', description: "Lowers the job's whole-run timeout for this run" },
        startAt: { type: 'string', format: 'date-time', description: 'Start later: the run is scheduled until then' },
      },
    },
  })
  @ApiAcceptedResponse({ description: 'The run, queued' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED with one entry per bad field, or MALFORMED_REQUEST' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: jobs.run does not cover this job' })
  @ApiNotFoundResponse({ description: 'JOB_NOT_FOUND' })
  @ApiConflictResponse({ description: 'CONCURRENCY_CONFLICT: a singleton job already has a live run; `details.blockingRunId` names it' })
  async start(
    @Param('jobId') jobId: string,
    @Body() body: unknown,
    @Headers('x-correlation-id') correlationHeader: string | undefined,
    @Res({ passthrough: true }) response: Response,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StartRunAccepted & { links: { self: string; logs: string } }> {
    const request = parseStartRunBody(body);
    await this.permission.require(principal, jobId);
    const command: StartRunCommand = { meta: this.scheduler.meta(principal, correlationHeader), jobId, ...request };
    const accepted = await this.scheduler.send<StartRunAccepted>((subjects) => subjects.startRunCommand, command);
    const self = `/api/runs/${accepted.runId}`;
    response.setHeader('Location', self);
    return { ...accepted, links: { self, logs: `${self}/logs` } };
  }
}
