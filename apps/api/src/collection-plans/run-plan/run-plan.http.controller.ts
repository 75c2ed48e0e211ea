import { Body, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBody, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOperation } from '@nestjs/swagger';
import {
  COLLECT_FACTS_JOB_ID,
  ErrorCode,
  openApiSchemaOf,
  parseBody,
  planRunBodySchema,
  YardError,
  type CollectFactsRunData,
  type JsonObject,
  type PlanRunBody,
  type Principal,
} from '@yardmaster/contracts';
import { CollectionPlanStore, type StoredCollectionPlan } from '@yardmaster/inventory';
import type { Response } from 'express';
import { CurrentPrincipal } from '../../auth/principal.decorator';
import { mayActAsOthers, RunAsResolver } from '../../auth/run-as/run-as';
import { RequirePermission } from '../../auth/route-access';
import { ApiController } from '../../http/api-controller.decorator';
import { SchedulerCommands } from '../../http/scheduler-commands';
import { JobRunPermission } from '../../runs/start-run/job-run-permission';
import { RunStarter, type StartedRun } from '../../runs/start-run/run-starter';
import { collectionPlanView } from '../collection-plan.view';
import { planSettingsOf } from '../plan-settings';
import { PlanRunsQueries } from '../plan-runs.queries';
import { isBusy } from '../plan-status';
import { devicesToRerun } from './devices-to-rerun';

/**
 * Running a plan now (netbox_facts' Run button): a run of the collection job with the plan's snapshot as its data,
 * on the plan's priority queue, started as `POST /api/jobs/{jobId}/runs` starts one. The plan's row is held from
 * the check of its last run to the record of the new one, so two requests at once start one run.
 */
@ApiController('collection-plans', 'api/collection-plans/:id/runs', RequirePermission('jobs.run'))
export class RunPlanHttpController {
  constructor(
    private readonly store: CollectionPlanStore,
    private readonly runs: PlanRunsQueries,
    private readonly scheduler: SchedulerCommands,
    private readonly permission: JobRunPermission,
    private readonly runAs: RunAsResolver,
    private readonly starter: RunStarter,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Run the plan now, or only the devices that failed in an earlier run of it; answers as POST /api/jobs/{jobId}/runs does' })
  @ApiBody({ schema: openApiSchemaOf(planRunBodySchema, 'input'), required: false })
  @ApiAcceptedResponse({ description: 'The run, queued on the queue of the plan’s priority; follow it at the Location header' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: a bad body, or devicesFrom.runId that is not a run of this plan' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: jobs.run does not cover collection.CollectFacts' })
  @ApiNotFoundResponse({ description: 'COLLECTION_PLAN_NOT_FOUND; JOB_NOT_FOUND while no collector has installed collection.CollectFacts' })
  @ApiConflictResponse({
    description:
      'CONCURRENCY_CONFLICT: the plan’s last run is queued or working (`details.blockingRunId`); COLLECTION_PLAN_DISABLED; NO_DEVICES_TO_RERUN: the devicesFrom run has not ended, left no report, or no device failed in it',
  })
  async start(
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('x-correlation-id') correlationHeader: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Omit<StartedRun, 'replayed'>> {
    this.scheduler.refuseWhileNatsIsDown('started');
    await this.permission.require(principal, COLLECT_FACTS_JOB_ID);
    const request = parsePlanRunBody(body);
    const { replayed: _never, ...started } = await this.store.startRun(id, async (plan) => {
      await this.refuseUnlessIdle(plan);
      const deviceIds = request.devicesFrom ? await this.failedDevicesOf(plan, request.devicesFrom.runId) : null;
      const data: CollectFactsRunData = { plan: planSettingsOf(plan), ...(deviceIds ? { deviceIds } : {}) };
      // netbox_facts: the plan's run_as when the requester is an administrator, else the requester.
      const acting = await this.runAs.resolve(principal, mayActAsOthers(principal) && plan.runAs !== null ? plan.runAs : undefined);
      return this.starter.start({
        principal,
        correlationHeader,
        jobId: COLLECT_FACTS_JOB_ID,
        run: { data: data as unknown as JsonObject, queue: plan.priority, runTimeoutSeconds: plan.runTimeoutSeconds },
        acting,
      });
    });
    response.setHeader('Location', started.links.self);
    return started;
  }

  private async refuseUnlessIdle(plan: StoredCollectionPlan): Promise<void> {
    if (!plan.enabled) {
      throw new YardError(ErrorCode.CollectionPlanDisabled, `Collection plan ${JSON.stringify(plan.name)} is disabled: enable it (PATCH { "enabled": true }) to run it`, undefined, { planId: plan.id });
    }
    const lastRun = await this.runs.lastRunOf(plan);
    const { status } = collectionPlanView(plan, lastRun);
    if (lastRun && isBusy(status)) {
      throw new YardError(ErrorCode.ConcurrencyConflict, `Collection plan ${JSON.stringify(plan.name)} already has a run ${status}: ${lastRun.id}`, undefined, { blockingRunId: lastRun.id });
    }
  }

  private async failedDevicesOf(plan: StoredCollectionPlan, runId: string): Promise<readonly string[]> {
    const run = await this.runs.runOf(plan, runId);
    if (!run) {
      throw new YardError(ErrorCode.ValidationFailed, 'The run request is invalid', [{ field: 'devicesFrom.runId', message: `is not a run of collection plan ${JSON.stringify(plan.name)}` }]);
    }
    return devicesToRerun(run);
  }
}

function parsePlanRunBody(body: unknown): PlanRunBody {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new YardError(ErrorCode.MalformedRequest, 'The request body must be a JSON object: {} or { "devicesFrom": { "runId": "...", "outcome": "failed" } }');
  return parseBody(planRunBodySchema, body, { invalid: 'The run request is invalid', unknownField: 'is not a field of a plan run request' });
}
