import { Controller, Get, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { NatsConnection } from '@nats-io/nats-core';
import {
  ErrorCode,
  openApiSchemaOf,
  parkedEventListViewSchema,
  replayParkedResultSchema,
  streamNamesFor,
  subjectsFor,
  YardError,
  type ParkedEventListView,
  type Principal,
  type ReplayParkedCommand,
  type ReplayParkedResult,
} from '@yardmaster/contracts';
import { countParked, listParked, NATS_CONNECTION, sendCommand } from '@yardmaster/messaging';
import { API_CONFIG } from '../api-config.token';
import type { ApiConfig } from '../config';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { RequirePermission } from '../auth/route-access';
import { SchedulerCommands } from '../http/scheduler-commands';

/** The most parked events one list shows, oldest first; `total` says how many there are. */
const MAX_LISTED = 500;
/** Replaying every parked event can take a while: each is one transaction. */
const REPLAY_ALL_TIMEOUT_MS = 60_000;
const REPLAY_RESULT_SCHEMA = openApiSchemaOf(replayParkedResultSchema);

/**
 * Events a consumer gave up on, for administrators: see them and, once the cause is fixed, apply them again. The
 * projection replays them (through the same apply-once path as any event), so a replay needs it running.
 */
@ApiTags('parked-events')
@ApiBearerAuth()
@Controller('api/parked-events')
@RequirePermission('users.admin')
export class ParkedEventsHttpController {
  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly scheduler: SchedulerCommands,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Events a consumer parked after YARD_PROJECTION_MAX_DELIVERIES failed tries (oldest first, at most 500): where each came from, why it failed and when. ' +
      'While any is parked, /api/health shows the projection degraded.',
  })
  @ApiOkResponse({ description: 'The oldest parked events and how many there are', schema: openApiSchemaOf(parkedEventListViewSchema) })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: needs users.admin' })
  async list(): Promise<ParkedEventListView> {
    const stream = streamNamesFor(this.config.shared.instance).parked;
    const [parked, total] = await Promise.all([listParked(this.nc, stream, MAX_LISTED), countParked(this.nc, stream)]);
    return { items: parked.map((message) => message.view), total };
  }

  @Post('replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Apply every parked event again (at most 1,000 a call). Each one that applies is deleted and audited as parked.replayed; one that fails stays parked.' })
  @ApiOkResponse({ description: 'The ids replayed and those that still fail, each with why', schema: REPLAY_RESULT_SCHEMA })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: needs users.admin' })
  @ApiServiceUnavailableResponse({ description: 'SERVICE_UNAVAILABLE: the projection is not running' })
  replayAll(@Headers('x-correlation-id') correlationHeader: string | undefined, @CurrentPrincipal() principal: Principal): Promise<ReplayParkedResult> {
    return this.send({ meta: this.scheduler.meta(principal, correlationHeader), all: true }, REPLAY_ALL_TIMEOUT_MS);
  }

  @Post(':id/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Apply one parked event again. When it applies it is deleted from the parked events and audited as parked.replayed.' })
  @ApiOkResponse({ description: 'The id replayed', schema: REPLAY_RESULT_SCHEMA })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: needs users.admin' })
  @ApiNotFoundResponse({ description: 'PARKED_EVENT_NOT_FOUND: no parked event has that id (replayed already?)' })
  @ApiUnprocessableEntityResponse({ description: 'REPLAY_FAILED: it still cannot be applied (the message says why); it stays parked' })
  @ApiServiceUnavailableResponse({ description: 'SERVICE_UNAVAILABLE: the projection is not running' })
  replayOne(
    @Param('id') id: string,
    @Headers('x-correlation-id') correlationHeader: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReplayParkedResult> {
    if (!/^[1-9]\d{0,15}$/.test(id)) {
      throw new YardError(ErrorCode.ValidationFailed, 'A parked event id is a positive whole number', [{ field: 'id', message: 'must be a positive whole number' }]);
    }
    return this.send({ meta: this.scheduler.meta(principal, correlationHeader), id: Number(id) }, this.config.commandTimeoutMs);
  }

  private send(command: ReplayParkedCommand, timeoutMs: number): Promise<ReplayParkedResult> {
    return sendCommand<ReplayParkedResult>(this.nc, subjectsFor(this.config.shared.instance).replayParkedCommand, command, { timeoutMs, serviceName: 'projection' });
  }
}
