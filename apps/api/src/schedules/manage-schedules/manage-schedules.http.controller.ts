import { Body, Controller, Delete, Headers, HttpCode, Inject, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NatsConnection } from '@nats-io/nats-core';
import {
  subjectsFor,
  type ScheduleAction,
  type ScheduleActionCommand,
  type ScheduleReply,
  type UpdateScheduleCommand,
  type UpsertScheduleCommand,
} from '@yardmaster/contracts';
import { NATS_CONNECTION, sendCommand } from '@yardmaster/messaging';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { API_CONFIG } from '../../api-config.token';
import type { ApiConfig } from '../../config';
import { ANONYMOUS_ACTOR } from '../../http/actor';
import { parseScheduleBody } from './schedule-body';
import { scheduleSnapshotView } from './schedule-snapshot.view';

const SCHEDULE_SCHEMA = {
  type: 'object',
  required: ['jobId'],
  properties: {
    jobId: { type: 'string', example: 'examples.HelloWorld' },
    key: { type: 'string', description: 'One schedule per key; defaults to the job id, or <jobId>/<instance>' },
    instance: { type: 'string', description: 'What the schedule is about (a device, a site): part of the default key' },
    data: { type: 'object', example: { name: 'nightly' } },
    commit: { type: 'boolean' },
    queue: { type: 'string', example: 'low' },
    runTimeoutSeconds: { type: 'integer' },
    at: { type: 'string', format: 'date-time', description: 'Run once at this time' },
    intervalMinutes: { type: 'integer', minimum: 1 },
    cron: { type: 'string', example: '0 2 * * *' },
    timezone: { type: 'string', example: 'Europe/Paris' },
    startAt: { type: 'string', format: 'date-time' },
    endAt: { type: 'string', format: 'date-time' },
    overlap: { type: 'string', enum: ['skip', 'buffer_one', 'allow_all'], default: 'skip' },
    catchupWindowSeconds: { type: 'integer', minimum: 10, description: 'Default: one interval' },
  },
};

@ApiTags('schedules')
@Controller('api/schedules')
export class ManageSchedulesHttpController {
  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a schedule. Same key and spec: 200 with the existing one; same key, new spec: 200, updated in place.' })
  @ApiBody({ schema: SCHEDULE_SCHEMA })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: bad fields, a start time in the past, an interval under a minute, a cron that never fires' })
  @ApiNotFoundResponse({ description: 'JOB_NOT_FOUND' })
  async create(@Body() body: unknown, @Headers('x-correlation-id') correlation: string | undefined, @Res({ passthrough: true }) response: Response) {
    const command: UpsertScheduleCommand = { meta: this.meta(correlation), request: parseScheduleBody(body, false) };
    const reply = await this.send<ScheduleReply>(subjectsFor(this.config.shared.instance).upsertScheduleCommand, command);
    response.status(reply.created ? 201 : 200);
    if (reply.created) response.setHeader('Location', `/api/schedules/${reply.snapshot.scheduleId}`);
    return { ...scheduleSnapshotView(reply.snapshot), created: reply.created, updated: reply.updated };
  }

  @Patch(':scheduleId')
  @ApiOperation({ summary: "Change a schedule's data, queue, timeout, timing or policies; applies from its next run" })
  @ApiBody({ schema: { ...SCHEDULE_SCHEMA, required: [] } })
  @ApiNotFoundResponse({ description: 'SCHEDULE_NOT_FOUND' })
  async update(@Param('scheduleId') scheduleId: string, @Body() body: unknown, @Headers('x-correlation-id') correlation: string | undefined) {
    const command: UpdateScheduleCommand = { meta: this.meta(correlation), scheduleId, patch: parseScheduleBody(body, true) };
    const reply = await this.send<ScheduleReply>(subjectsFor(this.config.shared.instance).updateScheduleCommand, command);
    return scheduleSnapshotView(reply.snapshot);
  }

  @Delete(':scheduleId')
  @ApiOperation({ summary: 'Delete a schedule; its past runs stay' })
  @ApiNotFoundResponse({ description: 'SCHEDULE_NOT_FOUND' })
  async remove(@Param('scheduleId') scheduleId: string, @Headers('x-correlation-id') correlation: string | undefined) {
    return scheduleSnapshotView((await this.act(scheduleId, 'delete', correlation)).snapshot);
  }

  @Post(':scheduleId/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause a schedule, with an optional { "reason": "..." }' })
  @ApiNotFoundResponse({ description: 'SCHEDULE_NOT_FOUND' })
  async pause(@Param('scheduleId') scheduleId: string, @Body() body: { reason?: unknown } | undefined, @Headers('x-correlation-id') correlation: string | undefined) {
    const reason = typeof body?.reason === 'string' && body.reason.trim() !== '' ? body.reason : undefined;
    return scheduleSnapshotView((await this.act(scheduleId, 'pause', correlation, reason)).snapshot);
  }

  @Post(':scheduleId/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a paused schedule' })
  @ApiNotFoundResponse({ description: 'SCHEDULE_NOT_FOUND' })
  async resume(@Param('scheduleId') scheduleId: string, @Headers('x-correlation-id') correlation: string | undefined) {
    return scheduleSnapshotView((await this.act(scheduleId, 'resume', correlation)).snapshot);
  }

  @Post(':scheduleId/trigger')
  @HttpCode(202)
  @ApiOperation({ summary: 'Run the schedule once now; its next scheduled times do not change' })
  @ApiNotFoundResponse({ description: 'SCHEDULE_NOT_FOUND' })
  @ApiConflictResponse({ description: 'never: a trigger always adds one run (the job may still refuse it by its concurrency rule)' })
  async trigger(@Param('scheduleId') scheduleId: string, @Headers('x-correlation-id') correlation: string | undefined) {
    return scheduleSnapshotView((await this.act(scheduleId, 'trigger', correlation)).snapshot);
  }

  private act(scheduleId: string, action: ScheduleAction, correlation: string | undefined, reason?: string): Promise<ScheduleReply> {
    const command: ScheduleActionCommand = { meta: this.meta(correlation), scheduleId, action, ...(reason ? { reason } : {}) };
    return this.send<ScheduleReply>(subjectsFor(this.config.shared.instance).scheduleActionCommand, command);
  }

  private meta(correlation: string | undefined) {
    return { actor: ANONYMOUS_ACTOR, correlationId: correlation ?? randomUUID() };
  }

  private send<T>(subject: string, command: unknown): Promise<T> {
    return sendCommand<T>(this.nc, subject, command, { timeoutMs: this.config.commandTimeoutMs, serviceName: 'scheduler' });
  }
}
