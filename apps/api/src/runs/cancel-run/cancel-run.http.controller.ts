import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CancelRunAccepted, CancelRunCommand } from '@yardmaster/contracts';
import { SchedulerCommands } from '../../http/scheduler-commands';

@ApiTags('runs')
@Controller('api/runs/:runId/cancel')
export class CancelRunHttpController {
  constructor(private readonly scheduler: SchedulerCommands) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Cancel a queued or running run. Its job sees an aborted signal, post_run still runs, and the run ends cancelled.',
  })
  @ApiAcceptedResponse({ description: 'Cancellation requested; follow the run until it is cancelled' })
  @ApiNotFoundResponse({ description: 'RUN_NOT_FOUND' })
  @ApiConflictResponse({ description: 'RUN_ALREADY_FINISHED: the run has ended; nothing was changed' })
  async cancel(@Param('runId') runId: string, @Headers('x-correlation-id') correlationHeader: string | undefined): Promise<CancelRunAccepted> {
    const command: CancelRunCommand = { meta: this.scheduler.meta(correlationHeader), runId };
    return this.scheduler.send<CancelRunAccepted>((subjects) => subjects.cancelRunCommand, command);
  }
}
