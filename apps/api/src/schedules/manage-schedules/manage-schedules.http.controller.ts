import { applyDecorators, Body, Delete, Headers, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiNotFoundResponse, ApiOperation } from '@nestjs/swagger';
import {
  openApiSchemaOf,
  scheduleBodySchema,
  schedulePatchBodySchema,
  type ScheduleActionCommand,
  type ScheduleReply,
  type UpdateScheduleCommand,
  type UpsertScheduleCommand,
  type Principal,
} from '@yardmaster/contracts';
import { CurrentPrincipal } from '../../auth/principal.decorator';
import { mayActAsOthers, RunAsResolver } from '../../auth/run-as/run-as';
import { RequirePermission } from '../../auth/route-access';
import { ApiController } from '../../http/api-controller.decorator';
import type { Response } from 'express';
import { SchedulerCommands } from '../../http/scheduler-commands';
import { parseScheduleBody } from './schedule-body';
import { scheduleSnapshotView } from './schedule-snapshot.view';

@ApiController('schedules', 'api/schedules', RequirePermission('schedules.manage'))
export class ManageSchedulesHttpController {
  constructor(
    private readonly scheduler: SchedulerCommands,
    private readonly runAs: RunAsResolver,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a schedule. Same key and spec: 200 with the existing one; same key, new spec: 200, updated in place.' })
  @ApiBody({ schema: openApiSchemaOf(scheduleBodySchema, 'input') })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: bad fields, a start time in the past, an interval under a minute, a cron that never fires' })
  @ApiNotFoundResponse({ description: 'JOB_NOT_FOUND' })
  async create(@Body() body: unknown, @Headers('x-correlation-id') correlation: string | undefined, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    const request = parseScheduleBody(body, false);
    // Refused (403, or 400 for a user nobody may act as) before the scheduler is asked; the owner defaults to the creator.
    await this.runAs.resolve(principal, request.runAs);
    const command: UpsertScheduleCommand = { meta: this.scheduler.meta(principal, correlation), request };
    const reply = await this.scheduler.send<ScheduleReply>((subjects) => subjects.upsertScheduleCommand, command);
    response.status(reply.created ? 201 : 200);
    if (reply.created) response.setHeader('Location', `/api/schedules/${reply.snapshot.scheduleId}`);
    return { ...scheduleSnapshotView(reply.snapshot), created: reply.created, updated: reply.updated };
  }

  @Patch(':scheduleId')
  @ApiOperation({ summary: "Change a schedule's data, queue, timeout, timing or policies; applies from its next run" })
  @ApiBody({ schema: openApiSchemaOf(schedulePatchBodySchema, 'input') })
  @ApiNotFoundResponse({ description: 'SCHEDULE_NOT_FOUND' })
  async update(@Param('scheduleId') scheduleId: string, @Body() body: unknown, @Headers('x-correlation-id') correlation: string | undefined, @CurrentPrincipal() principal: Principal) {
    const named = parseScheduleBody(body, true);
    await this.runAs.resolve(principal, named.runAs);
    // Whoever may not act as others becomes the owner by changing a schedule: its runs never act as someone else
    // with data that they chose. An administrator's change keeps the owner unless it names one.
    const patch = named.runAs === undefined && !mayActAsOthers(principal) ? { ...named, runAs: principal.username } : named;
    const command: UpdateScheduleCommand = { meta: this.scheduler.meta(principal, correlation), scheduleId, patch };
    const reply = await this.scheduler.send<ScheduleReply>((subjects) => subjects.updateScheduleCommand, command);
    return scheduleSnapshotView(reply.snapshot);
  }

  @Delete(':scheduleId')
  @ActsOnSchedule('Delete a schedule; its past runs stay')
  remove(@Param('scheduleId') scheduleId: string, @Headers('x-correlation-id') correlation: string | undefined, @CurrentPrincipal() principal: Principal) {
    return this.act({ scheduleId, action: 'delete' }, principal, correlation);
  }

  @Post(':scheduleId/pause')
  @ActsOnSchedule('Pause a schedule, with an optional { "reason": "..." }', 200)
  pause(@Param('scheduleId') scheduleId: string, @Body() body: { reason?: unknown } | undefined, @Headers('x-correlation-id') correlation: string | undefined, @CurrentPrincipal() principal: Principal) {
    const reason = typeof body?.reason === 'string' && body.reason.trim() !== '' ? body.reason : undefined;
    return this.act({ scheduleId, action: 'pause', ...(reason ? { reason } : {}) }, principal, correlation);
  }

  @Post(':scheduleId/resume')
  @ActsOnSchedule('Resume a paused schedule', 200)
  resume(@Param('scheduleId') scheduleId: string, @Headers('x-correlation-id') correlation: string | undefined, @CurrentPrincipal() principal: Principal) {
    return this.act({ scheduleId, action: 'resume' }, principal, correlation);
  }

  @Post(':scheduleId/trigger')
  @ActsOnSchedule('Run the schedule once now; its next scheduled times do not change', 202)
  trigger(@Param('scheduleId') scheduleId: string, @Headers('x-correlation-id') correlation: string | undefined, @CurrentPrincipal() principal: Principal) {
    return this.act({ scheduleId, action: 'trigger' }, principal, correlation);
  }

  /** Sends one action on a schedule and answers the schedule as it is after it. */
  private async act(action: Omit<ScheduleActionCommand, 'meta'>, principal: Principal, correlation: string | undefined) {
    const command: ScheduleActionCommand = { meta: this.scheduler.meta(principal, correlation), ...action };
    return scheduleSnapshotView((await this.scheduler.send<ScheduleReply>((subjects) => subjects.scheduleActionCommand, command)).snapshot);
  }
}

/** A route that acts on one schedule (404 when there is none), answering `status` (else the method's default). */
function ActsOnSchedule(summary: string, status?: number): MethodDecorator {
  const documented = applyDecorators(ApiOperation({ summary }), ApiNotFoundResponse({ description: 'SCHEDULE_NOT_FOUND' }));
  return status === undefined ? documented : applyDecorators(HttpCode(status), documented);
}
