import { Body, Headers, HttpCode, Param, Post, Req, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { AnyFilesInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { IDEMPOTENT_REPLAYED_HEADER, openApiSchemaOf, startRunBodySchema, type JsonObject, type Principal, type UploadedFileRef } from '@yardmaster/contracts';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../../auth/principal.decorator';
import { RequirePermission } from '../../auth/route-access';
import { ApiController, ApiIdempotencyKey } from '../../http/api-controller.decorator';
import { RunAsResolver, type Acting } from '../../auth/run-as/run-as';
import { SchedulerCommands } from '../../http/scheduler-commands';
import { actorOf } from '../../http/actor';
import { idempotencyRefOf } from '../../http/idempotency/idempotency-key';
import { DecodeRunFormInterceptor } from './decode-run-form.interceptor';
import { JobRunPermission } from './job-run-permission';
import { isRefusal, RunUploads } from './run-uploads';
import { parseStartRunBody, type StartRunBody } from './start-run-body';
import { parseStartRunForm, type UploadedPart } from './start-run-form';
import { noteFilePart, UploadLimitInterceptor } from './upload-limit';
import { RunStarter, type StartedRun } from './run-starter';

@ApiController('runs', 'api/jobs/:jobId/runs', RequirePermission('jobs.run'))
export class StartRunHttpController {
  constructor(
    private readonly scheduler: SchedulerCommands,
    private readonly uploads: RunUploads,
    private readonly permission: JobRunPermission,
    private readonly runAs: RunAsResolver,
    private readonly starter: RunStarter,
  ) {}

  @Post()
  @HttpCode(202)
  // Multipart only: multer leaves a JSON request alone. Names are UTF-8, as browsers and curl send them. The form's
  // text parts are then decoded into the JSON body's shape, before the global input checks.
  @UseInterceptors(UploadLimitInterceptor, AnyFilesInterceptor({ fileFilter: noteFilePart, defParamCharset: 'utf8' }), DecodeRunFormInterceptor)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiOperation({ summary: 'Run a job. Answers once the run is queued in Temporal; follow it at the Location header.' })
  @ApiBody({ schema: openApiSchemaOf(startRunBodySchema, 'input') })
  @ApiIdempotencyKey(
    'Any unique string (a UUID), at most 255 printable characters. A repeat within 24 h with the same body answers the same run ' +
    '(same status, header Idempotent-Replayed: true) instead of starting another; the same key with another body is 422 ' +
    'IDEMPOTENCY_KEY_REUSED, and while the first request is still being answered 409 IDEMPOTENCY_KEY_IN_USE.',
  )
  @ApiAcceptedResponse({ description: 'The run, queued (`warnings` when no collector serves its queue). A replayed answer carries Idempotent-Replayed: true' })
  @ApiUnprocessableEntityResponse({ description: 'IDEMPOTENCY_KEY_REUSED: this Idempotency-Key came with a different body before' })
  @ApiPayloadTooLargeResponse({ description: "FILE_TOO_LARGE: a file is larger than its variable's maxSizeBytes or YARD_API_MAX_UPLOAD_BYTES; the field names it" })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED with one entry per bad field, or MALFORMED_REQUEST' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: jobs.run does not cover this job, or runAs from someone who is not an administrator' })
  @ApiNotFoundResponse({ description: 'JOB_NOT_FOUND' })
  @ApiConflictResponse({
    description: 'CONCURRENCY_CONFLICT: a singleton job already has a live run; `details.blockingRunId` names it. IDEMPOTENCY_KEY_IN_USE: a request with this key is still being answered',
  })
  async start(
    @Param('jobId') jobId: string,
    @Body() body: unknown,
    @UploadedFiles() parts: UploadedPart[] | undefined,
    @Req() request: Request,
    @Headers('x-correlation-id') correlationHeader: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Omit<StartedRun, 'replayed'>> {
    // The catalog is read from the stream: without NATS the answer is the scheduler's 503, not a failed read.
    this.scheduler.refuseWhileNatsIsDown('started');
    // Checked before any upload is stored: a refused caller leaves nothing behind. jobs.run is the requester's.
    await this.permission.require(principal, jobId);
    const content = request.is('multipart/form-data') ? { fields: body, files: (parts ?? []).map(filePrint) } : body;
    const idempotency = idempotencyRefOf(idempotencyKey, actorOf(principal), `POST /api/jobs/${jobId}/runs`, content);
    const actingFor = (run: StartRunBody) => this.runAs.resolve(principal, run.runAs);
    const send = ({ runAs: _named, ...run }: StartRunBody, acting: Acting, uploadedFileIds: readonly string[] = []) =>
      this.starter.start({ principal, correlationHeader, jobId, run, acting, uploadedFileIds, ...(idempotency ? { idempotency } : {}) });
    const json = request.is('multipart/form-data') ? null : parseStartRunBody(body);
    const { replayed, ...started } = json ? await send(json, await actingFor(json)) : await this.startWithUploads(jobId, body, parts ?? [], actingFor, send);
    if (replayed) response.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
    response.setHeader('Location', started.links.self);
    return started;
  }

  /** Stores the files, then asks the scheduler; a refused run's files are deleted, an accepted one's stay for it. */
  private async startWithUploads(
    jobId: string,
    fields: unknown,
    parts: readonly UploadedPart[],
    actingFor: (run: StartRunBody) => Promise<Acting>,
    send: (run: StartRunBody, acting: Acting, uploadedFileIds: readonly string[]) => Promise<StartedRun>,
  ): Promise<StartedRun> {
    const form = parseStartRunForm((fields ?? {}) as Record<string, unknown>, parts, await this.uploads.variablesOf(jobId));
    const acting = await actingFor(form.body);
    const refs = await this.uploads.store(form.uploads);
    try {
      const fileValues = Object.fromEntries(Object.entries(refs).map(([variable, ref]) => [variable, refValue(ref)]));
      const uploadedFileIds = Object.values(refs).map((ref) => ref.fileId);
      return await send({ ...form.body, data: { ...form.body.data, ...fileValues } }, acting, uploadedFileIds);
    } catch (error) {
      if (isRefusal(error)) await this.uploads.discard(Object.values(refs));
      throw error;
    }
  }
}

/** What a file part contributes to a keyed request's fingerprint: its place, name and content. */
function filePrint(part: UploadedPart): unknown[] {
  return [part.fieldname, part.originalname, part.size, part.buffer];
}

function refValue(ref: UploadedFileRef): JsonObject {
  return { fileId: ref.fileId, name: ref.name, size: ref.size, contentType: ref.contentType };
}
