import { Body, Delete, Headers, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiNotFoundResponse, ApiOperation } from '@nestjs/swagger';
import {
  openApiSchemaOf,
  scheduleBodySchema,
  schedulePatchBodySchema,
  type ScheduleAction,
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
  @ApiOperation({ summary: 'Delete a schedule; its past runs stay' })
  @ApiNotFoundResponse({ description: 'SCHEDULE_NOT_FOUND' })
  async remove(@Param('scheduleId') scheduleId: string, @Headers('x-correlation-id') correlation: string | undefined, @CurrentPrincipal() principal: Principal) {
    return scheduleSnapshotView((await this.act(scheduleId, 'delete', principal, correlation)).snapshot);
  }

  @Post(':scheduleId/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause a schedule, with an optional { "reason": "..." }' })
  @ApiNotFoundResponse({ description: 'SCHEDULE_NOT_FOUND' })
  async pause(@Param('scheduleId') scheduleId: string, @Body() body: { reason?: unknown } | undefined, @Headers('x-correlation-id') correlation: string | undefined, @CurrentPrincipal() principal: Principal) {
    const reason = typeof body?.reason === 'string' && body.reason.trim() !== '' ? body.reason : undefined;
    return scheduleSnapshotView((await this.act(scheduleId, 'pause', principal, correlation, reason)).snapshot);
  }

  @Post(':scheduleId/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a paused schedule' })
  @ApiNotFoundResponse({ description: 'SCHEDULE_NOT_FOUND' })
  async resume(@Param('scheduleId') scheduleId: string, @Headers('x-correlation-id') correlation: string | undefined, @CurrentPrincipal() principal: Principal) {
    return scheduleSnapshotView((await this.act(scheduleId, 'resume', principal, correlation)).snapshot);
  }

  @Post(':scheduleId/trigger')
  @HttpCode(202)
  @ApiOperation({ summary: 'Run the schedule once now; its next scheduled times do not change' })
  @ApiNotFoundResponse({ description: 'SCHEDULE_NOT_FOUND' })
  async trigger(@Param('scheduleId') scheduleId: string, @Headers('x-correlation-id') correlation: string | undefined, @CurrentPrincipal() principal: Principal) {
    return scheduleSnapshotView((await this.act(scheduleId, 'trigger', principal, correlation)).snapshot);
  }

  private act(scheduleId: string, action: ScheduleAction, principal: Principal, correlation: string | undefined, reason?: string): Promise<ScheduleReply> {
    const command: ScheduleActionCommand = { meta: this.scheduler.meta(principal, correlation), scheduleId, action, ...(reason ? { reason } : {}) };
    return this.scheduler.send<ScheduleReply>((subjects) => subjects.scheduleActionCommand, command);
  }
}
