import { Controller, Get, Headers, Inject, Logger, Param, Query, Res, type BeforeApplicationShutdown } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { NatsConnection } from '@nats-io/nats-core';
import {
  canViewRun,
  ErrorCode,
  isUuid,
  LIFECYCLE_RUN_EVENT_TYPES,
  runEventKind,
  runLogEventsOf,
  streamNamesFor,
  subjectsFor,
  TERMINAL_RUN_EVENT_TYPES,
  YardError,
  type Principal,
  type RunEvent,
  type RunLogBatch,
} from '@yardmaster/contracts';
import { errorLogFields, followStream, lastSequenceOn, NATS_CONNECTION, type StreamFollower } from '@yardmaster/messaging';
import type { Response } from 'express';
import type { ApiConfig } from '../../config';
import { API_CONFIG } from '../../api-config.token';
import { CurrentPrincipal } from '../../auth/principal.decorator';
import { RequirePermission } from '../../auth/route-access';
import { RunRequester } from '../run-requester';
import { eventIdOf, readLastEventId, type EventPosition } from './last-event-id';
import { SseResponse, type SseMessage } from './sse-response';

const KEEP_ALIVE_MS = 15_000;

const EVENT_STREAM_DESCRIPTION =
  'Server-Sent Events, one per run event in stream order: `id:` its stream sequence, `event:` its type (e.g. `run.log`), ' +
  '`data:` the event envelope as JSON. Log entries the collector sent together (one `run.log_batch` message) come as one ' +
  '`run.log` event each, with the id `<sequence>.<entry>`. A comment line (`: keep-alive`) comes every 15 s.';

/**
 * Live run events as Server-Sent Events, read from JetStream directly (not from the read models): what a
 * client sees does not wait for the projection, and a reconnect resumes after the last stream sequence it got.
 */
@ApiTags('runs')
@ApiBearerAuth()
@Controller()
export class StreamRunEventsHttpController implements BeforeApplicationShutdown {
  private readonly logger = new Logger('RunEventStreams');
  /** Every stream being served, so that shutting down ends them instead of waiting for their clients. */
  private readonly serving = new Map<StreamFollower<RunEvent>, Promise<void>>();

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly requester: RunRequester,
  ) {}

  @Get('api/runs/:runId/events')
  @RequirePermission('runs.view_own')
  @ApiOperation({
    summary: "Follow one run live: its status changes, log entries and progress, in order, until it ends",
    description:
      'Replays the run from its first event (or after `Last-Event-ID`), then follows it live; the response ends after ' +
      "the run's terminal event (`run.completed`, `run.failed`, `run.errored`, `run.cancelled`, `run.timed_out`).",
  })
  @ApiProduces('text/event-stream')
  @ApiParam({ name: 'runId', format: 'uuid' })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this event id (a stream sequence, or `<sequence>.<entry>` for a log entry); sent by EventSource on reconnect' })
  @ApiQuery({ name: 'lastEventId', required: false, description: 'Like the Last-Event-ID header, which wins when both are given' })
  @ApiOkResponse({ description: EVENT_STREAM_DESCRIPTION, schema: { type: 'string' } })
  @ApiNoContentResponse({ description: 'The run ended at or before Last-Event-ID: nothing more will come (EventSource stops reconnecting)' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: Last-Event-ID is not an event id' })
  @ApiNotFoundResponse({ description: 'RUN_NOT_FOUND' })
  async runEvents(
    @Param('runId') runId: string,
    @Headers('last-event-id') lastEventIdHeader: string | undefined,
    @Query('lastEventId') lastEventIdQuery: unknown,
    @Res() response: Response,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    const after = readLastEventId(lastEventIdHeader, lastEventIdQuery);
    if (!isUuid(runId)) throw runNotFound(runId);
    const id = runId.toLowerCase();
    // Another user's run is not found, as in GET /api/runs/{runId}.
    const run = await this.requester.of(id);
    if (run && !canViewRun(principal, run)) throw runNotFound(runId);
    const { instance } = this.config.shared;
    const stream = streamNamesFor(instance).runs;
    const subjects = subjectsFor(instance);

    // A run exists once it has an event: run.requested, or the run's own events when that publish failed.
    if ((await lastSequenceOn(this.nc, stream, subjects.runEventsOf(id))) === null) throw runNotFound(runId);
    if (after !== null) {
      const ended = await this.terminalSequence(id);
      if (ended !== null && after.sequence >= ended) {
        response.status(204).end();
        return;
      }
    }

    const follower = await followStream<RunEvent>(this.nc, {
      stream,
      filterSubjects: subjects.runEventsOf(id),
      // Inside a batch: its message again, without the entries the client has.
      from: after === null ? 'start' : { afterSequence: after.entry === null ? after.sequence : after.sequence - 1 },
      onUndecodable: (subject, sequence) => this.logger.warn({ stream, sequence, subject }, 'Skipped an undecodable message'),
    });
    await this.serve(follower, response, (event) => TERMINAL_RUN_EVENT_TYPES.includes(event.type), after);
  }

  @Get('api/events')
  @RequirePermission('runs.view_any')
  @ApiOperation({
    summary: "Follow every run's lifecycle: requested, started, step started, cancel requested, and how each ended (runs.view_any)",
    description:
      'For dashboards: no log entries, no progress. Starts with what happens from now on, or after `Last-Event-ID`; ' +
      'never ends by itself.',
  })
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this event id (a stream sequence, or `<sequence>.<entry>` for a log entry); sent by EventSource on reconnect' })
  @ApiQuery({ name: 'lastEventId', required: false, description: 'Like the Last-Event-ID header, which wins when both are given' })
  @ApiOkResponse({ description: EVENT_STREAM_DESCRIPTION, schema: { type: 'string' } })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: Last-Event-ID is not an event id' })
  async allRunEvents(
    @Headers('last-event-id') lastEventIdHeader: string | undefined,
    @Query('lastEventId') lastEventIdQuery: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const after = readLastEventId(lastEventIdHeader, lastEventIdQuery);
    const { instance } = this.config.shared;
    const subjects = subjectsFor(instance);
    const stream = streamNamesFor(instance).runs;
    const follower = await followStream<RunEvent>(this.nc, {
      stream,
      filterSubjects: LIFECYCLE_RUN_EVENT_TYPES.map((type) => subjects.runEvent('*', runEventKind(type))),
      from: after === null ? 'new' : { afterSequence: after.sequence },
      onUndecodable: (subject, sequence) => this.logger.warn({ stream, sequence, subject }, 'Skipped an undecodable message'),
    });
    await this.serve(follower, response, () => false);
  }

  /** Ends every stream still being served, so that the HTTP server can close without waiting for clients. */
  async beforeApplicationShutdown(): Promise<void> {
    const serving = [...this.serving];
    await Promise.all(serving.map(([follower]) => follower.close()));
    await Promise.all(serving.map(([, done]) => done));
  }

  private async serve(follower: StreamFollower<RunEvent>, response: Response, isLast: (event: RunEvent) => boolean, after: EventPosition | null = null): Promise<void> {
    const done = this.pipe(follower, response, isLast, after);
    this.serving.set(follower, done);
    try {
      await done;
    } finally {
      this.serving.delete(follower);
    }
  }

  private async pipe(follower: StreamFollower<RunEvent>, response: Response, isLast: (event: RunEvent) => boolean, after: EventPosition | null): Promise<void> {
    const sse = SseResponse.open(response, KEEP_ALIVE_MS);
    // The client went away: stop reading the stream.
    void sse.closed.then(() => follower.close());
    try {
      for await (const { event, streamSequence } of follower) {
        const sent = event.type === 'run.log_batch' ? await sendEntries(sse, event, streamSequence, after) : await sse.send(sseMessageOf(event, streamSequence));
        if (!sent || isLast(event)) break;
      }
    } catch (error) {
      // The headers are sent: the error cannot become a response any more. The client reconnects with Last-Event-ID.
      this.logger.error(errorLogFields(error), 'Event stream ended by an error');
    } finally {
      await follower.close();
      sse.end();
    }
  }

  /** The stream sequence of the run's terminal event; null while it has not ended. */
  private async terminalSequence(runId: string): Promise<number | null> {
    const { instance } = this.config.shared;
    const stream = streamNamesFor(instance).runs;
    const subjects = subjectsFor(instance);
    const found = await Promise.all(TERMINAL_RUN_EVENT_TYPES.map((type) => lastSequenceOn(this.nc, stream, subjects.runEvent(runId, runEventKind(type)))));
    const sequences = found.filter((sequence): sequence is number => sequence !== null);
    return sequences.length === 0 ? null : Math.min(...sequences);
  }
}

function sseMessageOf(event: RunEvent, sequence: number, entry: number | null = null): SseMessage {
  return { id: eventIdOf(sequence, entry), event: event.type, data: JSON.stringify(event) };
}

/**
 * A batch of log entries as the `run.log` events it stands for, one SSE event each: clients see the log as before
 * batches. A client resuming inside the batch gets the entries after the one it has.
 */
async function sendEntries(sse: SseResponse, batch: RunLogBatch, sequence: number, after: EventPosition | null): Promise<boolean> {
  const skip = after !== null && after.sequence === sequence && after.entry !== null ? after.entry + 1 : 0;
  const lines = runLogEventsOf(batch);
  for (let entry = skip; entry < lines.length; entry++) {
    if (!(await sse.send(sseMessageOf(lines[entry], sequence, entry)))) return false;
  }
  return true;
}

function runNotFound(runId: string): YardError {
  return new YardError(ErrorCode.RunNotFound, `No run has the id ${JSON.stringify(runId)}`);
}
