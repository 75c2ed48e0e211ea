import { Body, Controller, Delete, Headers, Inject, Param, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NatsConnection } from '@nats-io/nats-core';
import { subjectsFor, type EffectiveJob, type JobOverrides, type OverrideJobCommand } from '@yardmaster/contracts';
import { NATS_CONNECTION, sendCommand } from '@yardmaster/messaging';
import { randomUUID } from 'node:crypto';
import { API_CONFIG } from '../../api-config.token';
import type { ApiConfig } from '../../config';
import { ANONYMOUS_ACTOR } from '../../http/actor';

@ApiTags('jobs')
@Controller('api/jobs/:jobId/overrides')
export class OverrideJobHttpController {
  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Put()
  @ApiOperation({ summary: "Override a job's name, grouping, description, default queue, timeouts, concurrency, or disable it; survives code reloads" })
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        name: { type: 'string' },
        grouping: { type: 'string' },
        description: { type: 'string' },
        queue: { type: 'string' },
        timeouts: { type: 'object', properties: { runTimeoutSeconds: { type: 'integer' }, stepTimeoutSeconds: { type: 'integer' } } },
        concurrency: { type: 'object', nullable: true, example: { mode: 'singleton', keyVariables: ['device'] } },
        enabled: { type: 'boolean' },
      },
    },
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'JOB_NOT_FOUND' })
  async put(@Param('jobId') jobId: string, @Body() overrides: JobOverrides, @Headers('x-correlation-id') correlation: string | undefined): Promise<EffectiveJob> {
    return this.send({ meta: this.meta(correlation), jobId, overrides: overrides ?? {} });
  }

  @Delete()
  @ApiOperation({ summary: "Clear a job's overrides: it runs as its code declares again" })
  @ApiNotFoundResponse({ description: 'JOB_NOT_FOUND' })
  async clear(@Param('jobId') jobId: string, @Headers('x-correlation-id') correlation: string | undefined): Promise<EffectiveJob> {
    return this.send({ meta: this.meta(correlation), jobId, overrides: null });
  }

  private meta(correlation: string | undefined) {
    return { actor: ANONYMOUS_ACTOR, correlationId: correlation ?? randomUUID() };
  }

  private send(command: OverrideJobCommand): Promise<EffectiveJob> {
    return sendCommand<EffectiveJob>(this.nc, subjectsFor(this.config.shared.instance).overrideJobCommand, command, {
      timeoutMs: this.config.commandTimeoutMs,
      serviceName: 'scheduler',
    });
  }
}
