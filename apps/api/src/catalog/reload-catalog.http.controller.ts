import { Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import { NoRespondersError, type NatsConnection } from '@nats-io/nats-core';
import { ErrorCode, subjectsFor, YardError, type CommandMeta, type CommandReply, type ErrorBody, type Principal } from '@yardmaster/contracts';
import { decodeJson, encodeJson, NATS_CONNECTION } from '@yardmaster/messaging';
import { API_CONFIG } from '../api-config.token';
import type { ApiConfig } from '../config';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { RequirePermission } from '../auth/route-access';
import { ApiController } from '../http/api-controller.decorator';
import { SchedulerCommands } from '../http/scheduler-commands';

/** How long replies are gathered: every collector that answers within it is listed. */
export const RELOAD_WAIT_MS = 2_000;

/** One collector's answer: how many jobs it hosts now, and the modules of JOBS_ROOT it could not load. */
export interface CollectorReloaded {
  readonly collectorId: string;
  readonly jobs: number;
  readonly failedModules: ReadonlyArray<{ readonly file: string; readonly error: string }>;
}

/** A collector that could not reload (say, its announcement could not be published). */
export interface CollectorReloadFailed {
  readonly collectorId: string | null;
  readonly error: Pick<ErrorBody, 'code' | 'message'>;
}

@ApiController('catalog', 'api/catalog/reload', RequirePermission('catalog.manage'))
export class ReloadCatalogHttpController {
  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly scheduler: SchedulerCommands,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Every collector reloads its job modules (built-in and JOBS_ROOT) and announces its catalog: new jobs are listed, jobs whose code is gone become installed: false.',
  })
  @ApiOkResponse({ description: `The answers of the collectors that answered within ${RELOAD_WAIT_MS} ms: { collectors: [{ collectorId, jobs, failedModules: [{ file, error }] }] }` })
  @ApiServiceUnavailableResponse({ description: 'SERVICE_UNAVAILABLE: no collector answered' })
  async reload(
    @Headers('x-correlation-id') correlationHeader: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ collectors: Array<CollectorReloaded | CollectorReloadFailed> }> {
    const request: { meta: CommandMeta } = { meta: this.scheduler.meta(principal, correlationHeader) };
    const collectors: Array<CollectorReloaded | CollectorReloadFailed> = [];
    try {
      // Collectors subscribe without a queue group: every one of them answers, so replies are gathered for a while.
      const replies = await this.nc.requestMany(subjectsFor(this.config.shared.instance).catalogReloadCommand, encodeJson(request), {
        strategy: 'timer',
        maxWait: RELOAD_WAIT_MS,
      });
      for await (const msg of replies) collectors.push(toCollectorAnswer(decodeJson<CommandReply<CollectorReloaded>>(msg.data)));
    } catch (error) {
      if (!(error instanceof NoRespondersError)) throw error;
    }
    if (collectors.length === 0) throw new YardError(ErrorCode.ServiceUnavailable, `No collector answered the catalog reload within ${RELOAD_WAIT_MS} ms`);
    collectors.sort((a, b) => String(a.collectorId).localeCompare(String(b.collectorId)));
    return { collectors };
  }
}

function toCollectorAnswer(reply: CommandReply<CollectorReloaded>): CollectorReloaded | CollectorReloadFailed {
  if (reply.ok) return reply.value;
  const collectorId = reply.error.details?.collectorId;
  return { collectorId: typeof collectorId === 'string' ? collectorId : null, error: { code: reply.error.code, message: reply.error.message } };
}
