import { Body, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConflictResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import type { NatsConnection } from '@nats-io/nats-core';
import { openApiSchemaOf, parseBody, rebuildReportSchema, rebuildRequestSchema, subjectsFor, type Principal, type RebuildCommand, type RebuildReport } from '@yardmaster/contracts';
import { NATS_CONNECTION, sendCommand } from '@yardmaster/messaging';
import { API_CONFIG } from '../../api-config.token';
import { CurrentPrincipal } from '../../auth/principal.decorator';
import { RequirePermission } from '../../auth/route-access';
import type { ApiConfig } from '../../config';
import { ApiController } from '../../http/api-controller.decorator';
import { SchedulerCommands } from '../../http/scheduler-commands';

/** A rebuild replays every retained event of the streams it needs: minutes for millions of events. */
const REBUILD_TIMEOUT_MS = 30 * 60_000;

/** Rebuilding the read models from the event streams, for administrators; the projection does it and audits it. */
@ApiController('read-models', 'api/read-models', RequirePermission('users.admin'))
export class RebuildReadModelsHttpController {
  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly scheduler: SchedulerCommands,
  ) {}

  @Post('rebuild')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Replay the streams into a shadow schema while the projection serves, compare each table of the model with the live one (counts, checksums, the first rows that differ), ' +
      'and with swap put the rebuilt tables in place in one transaction. Answers when done; audited as read_models.rebuilt (swap) or read_models.checked.',
  })
  @ApiBody({ schema: openApiSchemaOf(rebuildRequestSchema, 'input') })
  @ApiOkResponse({ description: 'What was replayed, each table compared, whether it swapped', schema: openApiSchemaOf(rebuildReportSchema) })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: an unknown model or field' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: needs users.admin' })
  @ApiConflictResponse({ description: 'REBUILD_IN_PROGRESS: another rebuild is running; REBUILD_WOULD_LOSE_ROWS: the swap would drop live rows the streams no longer hold (send acceptLoss)' })
  @ApiServiceUnavailableResponse({ description: 'SERVICE_UNAVAILABLE: the projection is not running' })
  rebuild(@Body() body: unknown, @Headers('x-correlation-id') correlationHeader: string | undefined, @CurrentPrincipal() principal: Principal): Promise<RebuildReport> {
    const request = parseBody(rebuildRequestSchema, body ?? {}, { invalid: 'The rebuild request is invalid', unknownField: 'is not a field of a rebuild request' });
    const command: RebuildCommand = { meta: this.scheduler.meta(principal, correlationHeader), ...request };
    return sendCommand<RebuildReport>(this.nc, subjectsFor(this.config.shared.instance).rebuildReadModelsCommand, command, { timeoutMs: REBUILD_TIMEOUT_MS, serviceName: 'projection' });
  }
}
