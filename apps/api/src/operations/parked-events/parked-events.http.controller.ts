import { applyDecorators, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import {
  ErrorCode,
  openApiSchemaOf,
  parkedEventListViewSchema,
  replayParkedResultSchema,
  YardError,
  type ParkedEventListView,
  type Principal,
  type ReplayParkedResult,
} from '@yardmaster/contracts';
import { CurrentPrincipal } from '../../auth/principal.decorator';
import { RequirePermission } from '../../auth/route-access';
import { ApiController } from '../../http/api-controller.decorator';
import { SchedulerCommands } from '../../http/scheduler-commands';
import { ParkedEvents } from './parked-events';

/** Every route here needs users.admin. */
const ApiForbiddenWithoutUsersAdmin = () => ApiForbiddenResponse({ description: 'FORBIDDEN: needs users.admin' });

/** A replay route: 200 with what was replayed (`okDescription`), and 503 while the projection, which replays, is not running. */
function ReplayRoute(summary: string, okDescription: string): MethodDecorator {
  return applyDecorators(
    HttpCode(200),
    ApiOperation({ summary }),
    ApiOkResponse({ description: okDescription, schema: openApiSchemaOf(replayParkedResultSchema) }),
    ApiForbiddenWithoutUsersAdmin(),
    ApiServiceUnavailableResponse({ description: 'SERVICE_UNAVAILABLE: the projection is not running' }),
  );
}

/** Events a consumer gave up on, for administrators: see them and, once the cause is fixed, apply them again. */
@ApiController('parked-events', 'api/parked-events', RequirePermission('users.admin'))
export class ParkedEventsHttpController {
  constructor(
    private readonly parked: ParkedEvents,
    private readonly scheduler: SchedulerCommands,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Events a consumer parked after YARD_PROJECTION_MAX_DELIVERIES failed tries (oldest first, at most 500): where each came from, why it failed and when. ' +
      'While any is parked, /api/health shows the projection degraded.',
  })
  @ApiOkResponse({ description: 'The oldest parked events and how many there are', schema: openApiSchemaOf(parkedEventListViewSchema) })
  @ApiForbiddenWithoutUsersAdmin()
  list(): Promise<ParkedEventListView> {
    return this.parked.list();
  }

  @Post('replay')
  @ReplayRoute(
    'Apply every parked event again (at most 1,000 a call). Each one that applies is deleted and audited as parked.replayed; one that fails stays parked.',
    'The ids replayed and those that still fail, each with why',
  )
  replayAll(@Headers('x-correlation-id') correlationHeader: string | undefined, @CurrentPrincipal() principal: Principal): Promise<ReplayParkedResult> {
    return this.parked.replayAll(this.scheduler.meta(principal, correlationHeader));
  }

  @Post(':id/replay')
  @ReplayRoute('Apply one parked event again. When it applies it is deleted from the parked events and audited as parked.replayed.', 'The id replayed')
  @ApiNotFoundResponse({ description: 'PARKED_EVENT_NOT_FOUND: no parked event has that id (replayed already?)' })
  @ApiUnprocessableEntityResponse({ description: 'REPLAY_FAILED: it still cannot be applied (the message says why); it stays parked' })
  replayOne(
    @Param('id') id: string,
    @Headers('x-correlation-id') correlationHeader: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReplayParkedResult> {
    if (!/^[1-9]\d{0,15}$/.test(id)) {
      throw new YardError(ErrorCode.ValidationFailed, 'A parked event id is a positive whole number', [{ field: 'id', message: 'must be a positive whole number' }]);
    }
    return this.parked.replayOne(this.scheduler.meta(principal, correlationHeader), Number(id));
  }
}
