import { Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  canCancelRun,
  canViewRun,
  ErrorCode,
  IDEMPOTENT_REPLAYED_HEADER,
  isUuid,
  YardError,
  type CancelRunAccepted,
  type CancelRunCommand,
  type Principal,
} from '@yardmaster/contracts';
import type { Response } from 'express';
import { actorOf } from '../../http/actor';
import { idempotencyRefOf } from '../../http/idempotency/idempotency-key';
import { CurrentPrincipal } from '../../auth/principal.decorator';
import { RequirePermission } from '../../auth/route-access';
import { ApiController, ApiIdempotencyKey } from '../../http/api-controller.decorator';
import { SchedulerCommands } from '../../http/scheduler-commands';
import { RunRequester } from '../run-requester';

@ApiController('runs', 'api/runs/:runId/cancel', RequirePermission('runs.cancel_own'))
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
  @ApiIdempotencyKey(
    'Any unique string, at most 255 printable characters: a repeat within 24 h gets the first answer again (Idempotent-Replayed: true)',
  )
  @ApiConflictResponse({
    description:
      'RUN_ALREADY_FINISHED: the run has ended; RUN_ALREADY_FINISHING: the run has already decided how it ends (too late to cancel). ' +
      'Nothing was changed. IDEMPOTENCY_KEY_IN_USE: a request with this key is still being answered',
  })
  @ApiUnprocessableEntityResponse({ description: 'IDEMPOTENCY_KEY_REUSED: this Idempotency-Key came with another request before' })
  async cancel(
    @Param('runId') runId: string,
    @Headers('x-correlation-id') correlationHeader: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CancelRunAccepted> {
    const idempotency = idempotencyRefOf(idempotencyKey, actorOf(principal), `POST /api/runs/${runId}/cancel`, {});
    const run = isUuid(runId) ? await this.requester.of(runId.toLowerCase()) : undefined;
    // Another user's run is "not found", not "forbidden": its existence is none of the caller's business.
    if (!run || !(canViewRun(principal, run) || canCancelRun(principal, run))) {
      throw new YardError(ErrorCode.RunNotFound, `No run has the id ${JSON.stringify(runId)}`);
    }
    if (!canCancelRun(principal, run)) throw new YardError(ErrorCode.Forbidden, 'Cancelling this run needs runs.cancel_own (or jobs.run), or runs.cancel_any');
    const command: CancelRunCommand = { meta: this.scheduler.meta(principal, correlationHeader), runId, ...(idempotency ? { idempotency } : {}) };
    const { replayed, ...accepted } = await this.scheduler.send<CancelRunAccepted>((subjects) => subjects.cancelRunCommand, command);
    if (replayed) response.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
    return accepted;
  }
}
