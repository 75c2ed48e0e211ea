import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import {
  can,
  ErrorCode,
  newEvent,
  PRIORITY_QUEUES,
  priorityKeyOf,
  RUN_WORKFLOW_TYPE,
  sensitiveVariableNames,
  taskQueueOfRun,
  subjectsFor,
  workflowIdForRun,
  YardError,
  type EffectiveJob,
  type FieldError,
  type RunRequested,
  type RunWorkflowInput,
  type StartRunAccepted,
  type StartRunCommand,
} from '@yardmaster/contracts';
import { concurrencyScopeOf, validateRunData } from '@yardmaster/job-sdk';
import { InventoryStore } from '@yardmaster/inventory';
import { EventPublisher, RunFileStore, SecretBox } from '@yardmaster/messaging';
import { CatalogReader } from '../catalog/catalog-reader';
import { SingletonGuard } from '../concurrency/singleton-guard';
import type { SchedulerConfig } from '../config';
import { SCHEDULER_CONFIG } from '../scheduler-config.token';
import { runSearchAttributes } from '../temporal/run-search-attributes';
import { TemporalClientProvider } from '../temporal/temporal-client.provider';
import { ScheduleRegistry } from '../schedules/schedule-registry';
import { redactSensitiveData, sealSensitiveData } from '../sensitive-data/sensitive-run-data';
import { sensitiveJobNotSchedulable } from '../sensitive-data/sensitive-job-refusal';
import { ownerRefusal, type ActingAs } from './acting-principal';
import { checkObjectVariables } from './check-object-variables';
import { checkFileVariables, fileIdsIn } from './check-file-variables';
import { RunActingPrincipal } from './run-acting-principal';
import { runLimitsFor } from './run-limits';

/**
 * `run.start`: checks the job and its data, applies the job's concurrency rule, starts the workflow
 * `run-<runId>`, then records `run.requested`. The workflow starts first so that an accepted run always
 * exists in Temporal, the truth about execution.
 */
@Injectable()
export class StartRunHandler {
  private readonly logger = new Logger(StartRunHandler.name);
  private readonly secretBox: SecretBox;

  constructor(
    @Inject(SCHEDULER_CONFIG) private readonly config: SchedulerConfig,
    private readonly catalog: CatalogReader,
    private readonly temporal: TemporalClientProvider,
    private readonly publisher: EventPublisher,
    private readonly singletons: SingletonGuard,
    private readonly schedules: ScheduleRegistry,
    private readonly inventory: InventoryStore,
    private readonly files: RunFileStore,
    private readonly acting: RunActingPrincipal,
  ) {
    this.secretBox = new SecretBox(config.secretsKey);
  }

  async handle(command: StartRunCommand): Promise<StartRunAccepted> {
    const job = await this.catalog.findJob(command.jobId);
    if (!job) {
      const refusal = new YardError(ErrorCode.JobNotFound, `No installed job has the id ${JSON.stringify(command.jobId)}`);
      // A schedule of a job that is gone is paused, with the reason, rather than failing at every tick.
      if (command.scheduleId) await this.schedules.pauseFor(command.scheduleId, `job ${command.jobId} is not installed`);
      throw refusal;
    }
    if (!job.enabled) {
      if (command.scheduleId) await this.schedules.pauseFor(command.scheduleId, `job ${job.id} is disabled`);
      throw new YardError(ErrorCode.JobDisabled, `Job ${job.id} is disabled by an administrator; enable it to run it`);
    }
    const sensitive = sensitiveVariableNames(job.variables);
    if (sensitive.length > 0 && (command.scheduleId || command.startAt !== undefined)) {
      // A schedule made before the job's variables became sensitive: paused, with the reason, as for a disabled job.
      if (command.scheduleId) await this.schedules.pauseFor(command.scheduleId, `job ${job.id} has sensitive variables`);
      throw sensitiveJobNotSchedulable(job, sensitive, command.scheduleId ? 'run by a schedule' : 'started later (startAt)');
    }
    // A schedule whose owner may no longer act is paused here, before anything starts.
    const acting = await this.acting.of(command);
    await this.refuseOwnerWhoMayNotRun(command, job, acting);
    const checked = await this.checkedInput(job, command, acting);
    // Sensitive values: sealed in the workflow input, the one way they reach job code; masked everywhere else.
    const input: RunWorkflowInput = { ...checked, data: sealSensitiveData(this.secretBox, checked.runId, sensitive, checked.data) };
    const shownData = redactSensitiveData(sensitive, checked.data);
    const client = await this.temporal.getOrUnavailable();

    const singletonScope = input.concurrency?.heldSlot === 0 ? input.concurrency.scope : null;
    if (singletonScope) await this.singletons.claim(client, job.id, singletonScope, input.runId);
    try {
      await this.startWorkflow(client, input);
    } catch (error) {
      if (singletonScope) await this.singletons.release(singletonScope, input.runId);
      throw error;
    }

    const requestedAt = new Date().toISOString();
    await this.publishRequested({ ...input, data: shownData }, requestedAt, command.scheduleId ?? null);
    return {
      runId: input.runId,
      jobId: job.id,
      workflowId: workflowIdForRun(input.runId),
      status: input.startAt ? 'scheduled' : 'queued',
      data: shownData,
      commit: input.commit,
      queue: input.queue,
      requestedBy: input.requestedBy,
      runAs: acting.runAs,
      requestedAt,
      runTimeoutSeconds: input.runTimeoutSeconds,
    };
  }

  /**
   * A schedule acts as its owner at every firing: an owner who has lost `jobs.run` for this job pauses the
   * schedule with that reason, as a deactivated one does, rather than running on rights they no longer hold.
   */
  private async refuseOwnerWhoMayNotRun(command: StartRunCommand, job: EffectiveJob, acting: ActingAs): Promise<void> {
    if (!command.scheduleId || command.runAs === undefined) return;
    if (can(acting.principal, 'jobs.run', { kind: 'job', jobId: job.id, grouping: job.grouping })) return;
    const reason = `owner ${acting.runAs} may no longer run ${job.id}`;
    await this.schedules.pauseFor(command.scheduleId, reason);
    throw ownerRefusal(command.scheduleId, reason);
  }

  private async checkedInput(job: EffectiveJob, command: StartRunCommand, acting: ActingAs): Promise<RunWorkflowInput> {
    const queue = command.queue ?? job.defaultQueue;
    const validation = validateRunData(job.variables, command.data ?? {});
    const fieldErrors: FieldError[] = validation.ok ? [] : [...validation.errors];
    const queues = [...PRIORITY_QUEUES, ...this.config.customQueues];
    if (!queues.includes(queue)) fieldErrors.push({ field: 'queue', message: `must be one of ${queues.join(', ')}` });
    const limits = runLimitsFor(job, this.config, command.runTimeoutSeconds, fieldErrors);
    const startAt = futureStartOf(command.startAt, fieldErrors);
    const commit = commitOf(job, command.commit, fieldErrors);
    // Only well-formed ids are looked up: a malformed one already has its error.
    if (validation.ok) fieldErrors.push(...(await checkObjectVariables(this.inventory, job.variables, validation.data)));
    if (validation.ok) fieldErrors.push(...(await checkFileVariables(this.files, job.variables, validation.data, command.uploadedFileIds ?? [])));
    if (!validation.ok || fieldErrors.length > 0) {
      throw new YardError(ErrorCode.ValidationFailed, `The run request for ${job.id} is invalid`, fieldErrors);
    }
    const rule = job.concurrency;
    return {
      runId: randomUUID(),
      jobId: job.id,
      jobName: job.name,
      data: validation.data,
      commit,
      queue,
      requestedBy: command.meta.actor,
      runAs: acting.runAs,
      actingPrincipal: acting.principal,
      correlationId: command.meta.correlationId,
      steps: job.steps,
      ...limits,
      heartbeatTimeoutSeconds: this.config.heartbeatTimeoutSeconds,
      maxWorkerLosses: this.config.maxWorkerLosses,
      retry: job.retry,
      startAt,
      // A singleton's slot is claimed here, so a second request is refused at once; a limit's is waited for by the workflow.
      concurrency: rule ? { rule, scope: concurrencyScopeOf(job.id, rule, validation.data), heldSlot: rule.mode === 'singleton' ? 0 : null } : null,
      fileIds: fileIdsIn(job.variables, validation.data),
    };
  }

  private async startWorkflow(client: Client, input: RunWorkflowInput): Promise<void> {
    await client.workflow.start(RUN_WORKFLOW_TYPE, {
      workflowId: workflowIdForRun(input.runId),
      taskQueue: taskQueueOfRun(this.config.shared.instance, input.queue),
      // Activities inherit it: with workers saturated, high runs' steps start before default, default before low.
      priority: { priorityKey: priorityKeyOf(input.queue) },
      args: [input],
      // Temporal holds a delayed workflow until its time: the run is `scheduled` meanwhile.
      ...(input.startAt ? { startDelay: Math.max(0, Date.parse(input.startAt) - Date.now()) } : {}),
      typedSearchAttributes: runSearchAttributes(input),
      staticSummary: `${input.jobName} (${input.jobId}), requested by ${input.requestedBy}${input.runAs && input.runAs !== input.requestedBy ? ` as ${input.runAs}` : ''}`,
      staticDetails: `Queue: ${input.queue}. Steps: ${input.steps.join(', ')}. Run timeout: ${input.runTimeoutSeconds} s.`,
    });
  }

  private async publishRequested(input: RunWorkflowInput, requestedAt: string, scheduleId: string | null): Promise<void> {
    const event: RunRequested = newEvent({
      id: `${input.runId}:run.requested`,
      type: 'run.requested',
      occurredAt: requestedAt,
      aggregateId: input.runId,
      sequence: 1,
      correlationId: input.correlationId,
      actor: input.requestedBy,
      data: {
        jobId: input.jobId,
        jobName: input.jobName,
        data: input.data,
        commit: input.commit,
        queue: input.queue,
        requestedBy: input.requestedBy,
        ...(input.runAs === undefined ? {} : { runAs: input.runAs }),
        workflowId: workflowIdForRun(input.runId),
        requestedAt,
        scheduleId,
        startAt: input.startAt,
      },
    });
    // The workflow runs whether or not this publish succeeds; its own events create the run row if it fails.
    await this.publisher.publish(subjectsFor(this.config.shared.instance).runEvent(input.runId, 'requested'), event).catch((error: unknown) => {
      this.logger.error(`run.requested for ${input.runId} was not published: ${String(error)}`);
    });
  }
}

/** The job's default unless the request says; a read-only job's runs have none. */
function commitOf(job: EffectiveJob, requested: boolean | undefined, errors: FieldError[]): boolean | null {
  if (!job.readOnly) return requested ?? job.commitDefault ?? true;
  if (requested !== undefined) errors.push({ field: 'commit', message: `must be left out: ${job.id} is read-only, it changes nothing, so its runs have no commit` });
  return null;
}

/** A start time must lie ahead by the scheduler's clock; none means now. */
function futureStartOf(startAt: string | undefined, errors: FieldError[]): string | null {
  if (startAt === undefined) return null;
  const at = /^\d{4}-\d{2}-\d{2}T/.test(startAt) ? new Date(startAt) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime())) errors.push({ field: 'startAt', message: 'must be an ISO 8601 date and time, e.g. 2026-12-01T06:00:00Z' });
  else if (at.getTime() <= Date.now()) errors.push({ field: 'startAt', message: `must be in the future (the scheduler's clock reads ${new Date().toISOString()})` });
  else return at.toISOString();
  return null;
}
