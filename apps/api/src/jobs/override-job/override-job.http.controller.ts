import { Body, Delete, Headers, Param, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiNotFoundResponse, ApiOperation } from '@nestjs/swagger';
import type { EffectiveJob, JobOverrides, OverrideJobCommand, Principal } from '@yardmaster/contracts';
import { CurrentPrincipal } from '../../auth/principal.decorator';
import { RequirePermission } from '../../auth/route-access';
import { ApiController } from '../../http/api-controller.decorator';
import { SchedulerCommands } from '../../http/scheduler-commands';

@ApiController('jobs', 'api/jobs/:jobId/overrides', RequirePermission('catalog.manage'))
export class OverrideJobHttpController {
  constructor(private readonly scheduler: SchedulerCommands) {}

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
  async put(
    @Param('jobId') jobId: string,
    @Body() overrides: JobOverrides,
    @Headers('x-correlation-id') correlation: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EffectiveJob> {
    return this.send({ meta: this.scheduler.meta(principal, correlation), jobId, overrides: overrides ?? {} });
  }

  @Delete()
  @ApiOperation({ summary: "Clear a job's overrides: it runs as its code declares again" })
  @ApiNotFoundResponse({ description: 'JOB_NOT_FOUND' })
  async clear(@Param('jobId') jobId: string, @Headers('x-correlation-id') correlation: string | undefined, @CurrentPrincipal() principal: Principal): Promise<EffectiveJob> {
    return this.send({ meta: this.scheduler.meta(principal, correlation), jobId, overrides: null });
  }

  private send(command: OverrideJobCommand): Promise<EffectiveJob> {
    return this.scheduler.send<EffectiveJob>((subjects) => subjects.overrideJobCommand, command);
  }
}
