import { Body, Controller, Headers, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBody, ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NatsConnection } from '@nats-io/nats-core';
import { subjectsFor, type StartRunAccepted, type StartRunCommand } from '@yardmaster/contracts';
import { NATS_CONNECTION, sendCommand } from '@yardmaster/messaging';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { ApiConfig } from '../../config';
import { API_CONFIG } from '../../api-config.token';
import { ANONYMOUS_ACTOR } from '../../http/actor';
import { parseStartRunBody } from './start-run-body';


@ApiTags('runs')
@Controller('api/jobs/:jobId/runs')
export class StartRunHttpController {
  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
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
  @ApiNotFoundResponse({ description: 'JOB_NOT_FOUND' })
  @ApiConflictResponse({ description: 'CONCURRENCY_CONFLICT: a singleton job already has a live run; `details.blockingRunId` names it' })
  async start(
    @Param('jobId') jobId: string,
    @Body() body: unknown,
    @Headers('x-correlation-id') correlationHeader: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StartRunAccepted & { links: { self: string; logs: string } }> {
    const request = parseStartRunBody(body);
    const command: StartRunCommand = {
      meta: { actor: ANONYMOUS_ACTOR, correlationId: correlationHeader ?? randomUUID() },
      jobId,
      ...request,
    };
    const accepted = await sendCommand<StartRunAccepted>(this.nc, subjectsFor(this.config.shared.instance).startRunCommand, command, {
      timeoutMs: this.config.commandTimeoutMs,
      serviceName: 'scheduler',
    });
    const self = `/api/runs/${accepted.runId}`;
    response.setHeader('Location', self);
    return { ...accepted, links: { self, logs: `${self}/logs` } };
  }
}
