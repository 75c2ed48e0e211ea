import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { canCancelRun, canViewRun, ErrorCode, YardError, type CancelRunAccepted, type CancelRunCommand, type Principal } from '@yardmaster/contracts';
import { CurrentPrincipal } from '../../auth/principal.decorator';
import { RequirePermission } from '../../auth/route-access';
import { SchedulerCommands } from '../../http/scheduler-commands';
import { RunRequester } from '../run-requester';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@ApiTags('runs')
@ApiBearerAuth()
@Controller('api/runs/:runId/cancel')
@RequirePermission('runs.cancel_own')
export class CancelRunHttpController {
  constructor(
    private readonly scheduler: SchedulerCommands,
    private readonly requester: RunRequester,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Cancel a queued or running run. Its job sees an aborted signal, post_run still runs, and the run ends cancelled. ' +
      'Needs runs.cancel_any, or, for a run one requested, runs.cancel_own or jobs.run.',
  })
  @ApiAcceptedResponse({
    description:
      'With confirmed: true the run will end cancelled (post_run still runs). With confirmed: false the run did not confirm in time ' +
      '(no collector answered within the scheduler\'s YARD_CANCEL_CONFIRM_TIMEOUT_SECONDS, or the run waits for its start time): ' +
      'Temporal was asked to cancel it; follow the run to see how it ends',
  })
  @ApiNotFoundResponse({ description: 'RUN_NOT_FOUND, also for a run one may not see' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: one may see the run but not cancel it' })
  @ApiConflictResponse({
    description: 'RUN_ALREADY_FINISHED: the run has ended; RUN_ALREADY_FINISHING: the run has already decided how it ends (too late to cancel). Nothing was changed',
  })
  async cancel(
    @Param('runId') runId: string,
    @Headers('x-correlation-id') correlationHeader: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CancelRunAccepted> {
    const run = UUID.test(runId) ? await this.requester.of(runId.toLowerCase()) : undefined;
    // Another user's run is "not found", not "forbidden": its existence is none of the caller's business.
    if (!run || !(canViewRun(principal, run) || canCancelRun(principal, run))) {
      throw new YardError(ErrorCode.RunNotFound, `No run has the id ${JSON.stringify(runId)}`);
    }
    if (!canCancelRun(principal, run)) throw new YardError(ErrorCode.Forbidden, 'Cancelling this run needs runs.cancel_own (or jobs.run), or runs.cancel_any');
    const command: CancelRunCommand = { meta: this.scheduler.meta(principal, correlationHeader), runId };
    return this.scheduler.send<CancelRunAccepted>((subjects) => subjects.cancelRunCommand, command);
  }
}
