import { Controller, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NatsConnection } from '@nats-io/nats-core';
import { subjectsFor, type CancelRunAccepted, type CancelRunCommand } from '@yardmaster/contracts';
import { NATS_CONNECTION, sendCommand } from '@yardmaster/messaging';
import { randomUUID } from 'node:crypto';
import type { ApiConfig } from '../../config';
import { API_CONFIG } from '../../api-config.token';
import { ANONYMOUS_ACTOR } from '../../http/actor';

@ApiTags('runs')
@Controller('api/runs/:runId/cancel')
export class CancelRunHttpController {
  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Cancel a queued or running run. Its job sees an aborted signal, post_run still runs, and the run ends cancelled.',
  })
  @ApiAcceptedResponse({ description: 'Cancellation requested; follow the run until it is cancelled' })
  @ApiNotFoundResponse({ description: 'RUN_NOT_FOUND' })
  @ApiConflictResponse({ description: 'RUN_ALREADY_FINISHED: the run has ended; nothing was changed' })
  async cancel(@Param('runId') runId: string, @Headers('x-correlation-id') correlationHeader: string | undefined): Promise<CancelRunAccepted> {
    const command: CancelRunCommand = { meta: { actor: ANONYMOUS_ACTOR, correlationId: correlationHeader ?? randomUUID() }, runId };
    return sendCommand<CancelRunAccepted>(this.nc, subjectsFor(this.config.shared.instance).cancelRunCommand, command, {
      timeoutMs: this.config.commandTimeoutMs,
      serviceName: 'scheduler',
    });
  }
}
