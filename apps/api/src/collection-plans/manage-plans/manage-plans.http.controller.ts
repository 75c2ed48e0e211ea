import { Body, Delete, Headers, HttpCode, Param, Patch, Post, Put, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import type { CollectionPlanView, Principal } from '@yardmaster/contracts';
import { CollectionPlanStore } from '@yardmaster/inventory';
import type { Response } from 'express';
import { CurrentPrincipal } from '../../auth/principal.decorator';
import { RunAsResolver } from '../../auth/run-as/run-as';
import { RequirePermission } from '../../auth/route-access';
import { ApiController } from '../../http/api-controller.decorator';
import { COLLECTION_PLAN_INPUT_SCHEMA, COLLECTION_PLAN_VIEW_SCHEMA } from '../collection-plan-schemas';
import { CollectionPlanViews } from '../collection-plan-views';
import { PlanSchedules } from './plan-schedules';

const REFUSALS = {
  invalid: 'VALIDATION_FAILED: one field error per bad, missing or unknown field; an unknown credential set, device, site, role, platform or tag; a runAs user who is not active',
  conflict: 'COLLECTION_PLAN_CONFLICT: another plan has the name (any case)',
  forbidden: 'FORBIDDEN: runAs from someone who is not an administrator',
  schedule: "SERVICE_UNAVAILABLE: the scheduler did not answer; the plan's schedule could not be kept in step, and the plan is left as it was (a refusal of the scheduler's, e.g. 404 JOB_NOT_FOUND while no collector has installed collection.CollectFacts, leaves it so too)",
};

/**
 * Creating, changing and deleting collection plans. Each write keeps the plan's one schedule in step inside its
 * transaction: a schedule the scheduler refuses leaves the plan as it was.
 */
@ApiController('collection-plans', 'api/collection-plans', RequirePermission('plans.manage'))
export class ManagePlansHttpController {
  constructor(
    private readonly store: CollectionPlanStore,
    private readonly views: CollectionPlanViews,
    private readonly schedules: PlanSchedules,
    private readonly runAs: RunAsResolver,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a collection plan; with intervalMinutes (and enabled) its schedule too. 201 with the plan and its Location' })
  @ApiBody({ schema: COLLECTION_PLAN_INPUT_SCHEMA })
  @ApiCreatedResponse({ description: 'The plan', schema: COLLECTION_PLAN_VIEW_SCHEMA })
  @ApiBadRequestResponse({ description: REFUSALS.invalid })
  @ApiForbiddenResponse({ description: REFUSALS.forbidden })
  @ApiConflictResponse({ description: REFUSALS.conflict })
  @ApiServiceUnavailableResponse({ description: REFUSALS.schedule })
  async create(@Body() body: unknown, @Headers('x-correlation-id') correlation: string | undefined, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response): Promise<CollectionPlanView> {
    await this.checkRunAs(principal, body);
    const plan = await this.store.create(body, principal.username, this.schedules.syncFor(principal, correlation));
    response.status(201).setHeader('Location', `/api/collection-plans/${plan.id}`);
    return this.views.of(plan);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace a collection plan: absent fields go back to their defaults; its schedule follows' })
  @ApiBody({ schema: COLLECTION_PLAN_INPUT_SCHEMA })
  @ApiOkResponse({ description: 'The plan as replaced', schema: COLLECTION_PLAN_VIEW_SCHEMA })
  @ApiBadRequestResponse({ description: REFUSALS.invalid })
  @ApiForbiddenResponse({ description: REFUSALS.forbidden })
  @ApiNotFoundResponse({ description: 'COLLECTION_PLAN_NOT_FOUND' })
  @ApiConflictResponse({ description: REFUSALS.conflict })
  async replace(@Param('id') id: string, @Body() body: unknown, @Headers('x-correlation-id') correlation: string | undefined, @CurrentPrincipal() principal: Principal): Promise<CollectionPlanView> {
    await this.checkRunAs(principal, body);
    return this.views.of(await this.store.update(id, body, 'replace', this.schedules.syncFor(principal, correlation)));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change the fields given; disabling the plan or setting intervalMinutes to null deletes its schedule' })
  @ApiBody({ schema: { ...COLLECTION_PLAN_INPUT_SCHEMA, required: [] } })
  @ApiOkResponse({ description: 'The plan as changed', schema: COLLECTION_PLAN_VIEW_SCHEMA })
  @ApiBadRequestResponse({ description: REFUSALS.invalid })
  @ApiForbiddenResponse({ description: REFUSALS.forbidden })
  @ApiNotFoundResponse({ description: 'COLLECTION_PLAN_NOT_FOUND' })
  @ApiConflictResponse({ description: REFUSALS.conflict })
  async update(@Param('id') id: string, @Body() body: unknown, @Headers('x-correlation-id') correlation: string | undefined, @CurrentPrincipal() principal: Principal): Promise<CollectionPlanView> {
    await this.checkRunAs(principal, body);
    return this.views.of(await this.store.update(id, body, 'patch', this.schedules.syncFor(principal, correlation)));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a collection plan and its schedule; its past runs stay' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ description: 'COLLECTION_PLAN_NOT_FOUND' })
  async remove(@Param('id') id: string, @Headers('x-correlation-id') correlation: string | undefined, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.store.delete(id, async (plan) => {
      if (plan.scheduleId !== null) await this.schedules.remove(plan.scheduleId, principal, correlation);
    });
  }

  /**
   * Only an administrator may name whom the plan's runs act as (403 for anyone else, whatever the name; 400 for a
   * user who is not active). Anyone with plans.manage may clear it: the runs then act as whoever starts them.
   */
  private async checkRunAs(principal: Principal, body: unknown): Promise<void> {
    const runAs = body !== null && typeof body === 'object' ? (body as { runAs?: unknown }).runAs : undefined;
    if (typeof runAs === 'string' && runAs !== '') await this.runAs.resolve(principal, runAs);
  }
}
