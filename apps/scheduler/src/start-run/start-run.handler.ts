import { Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import {
  can,
  ErrorCode,
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
  type RunWorkflowInput,
  type StartRunAccepted,
  type StartRunCommand,
} from '@yardmaster/contracts';
import { concurrencyScopeOf, validateRunData } from '@yardmaster/job-sdk';
import { InventoryStore } from '@yardmaster/inventory';
import { CatalogReader, RunFileStore, SecretBox } from '@yardmaster/messaging';
import { SingletonGuard } from '../concurrency/singleton-guard';
import type { SchedulerConfig } from '../config';
import { SCHEDULER_CONFIG } from '../scheduler-config.token';
import { runSearchAttributes } from '../temporal/run-search-attributes';
import { isTemporalUnreachable } from '../temporal/temporal-unreachable';
import { TemporalClientProvider } from '../temporal/temporal-client.provider';
import { redactSensitiveData, sealSensitiveData } from '../sensitive-data/sensitive-run-data';
import { sensitiveJobNotSchedulable } from '../sensitive-data/sensitive-job-refusal';
import { ownerRefusal, type ActingAs } from './acting-principal';
import { checkObjectVariables } from './check-object-variables';
import { checkFileVariables, fileIdsIn } from './check-file-variables';
import { RunActingPrincipal } from './run-acting-principal';
import { runLimitsFor } from './run-limits';
import { AbandonedStarts } from './abandoned-starts';
import { endedWithoutRunning } from './ended-without-running';
import { QueueWatch } from './queue-watch';
import { EventRedelivery } from './event-redelivery';
import { runRequestedEvent } from './run-requested-event';
import { refusalFor } from './schedule-run-refused';
import { KeyedCommands } from '../idempotency/keyed-commands';
import { runIdForKey } from '../idempotency/run-id-for-key';

/**
 * `run.start`: checks the job and its data, applies the job's concurrency rule, starts the workflow
 * `run-<runId>`, then records `run.requested`. The workflow starts first so that an accepted run always
 * exists in Temporal, the truth about execution. It only validates and starts: a schedule's run it refuses for
 * good is a `ScheduleRunRefused`, and the schedule's firing pauses the schedule (scheduled-run/).
 */
@Injectable()
export class StartRunHandler {
  private readonly secretBox: SecretBox;
  private readonly queueWatch: QueueWatch;

  constructor(
    @Inject(SCHEDULER_CONFIG) private readonly config: SchedulerConfig,
    private readonly catalog: CatalogReader,
    private readonly temporal: TemporalClientProvider,
    private readonly singletons: SingletonGuard,
    private readonly inventory: InventoryStore,
    private readonly files: RunFileStore,
    private readonly acting: RunActingPrincipal,
    private readonly keyed: KeyedCommands,
    private readonly abandoned: AbandonedStarts,
    private readonly redelivery: EventRedelivery,
  ) {
    this.secretBox = new SecretBox(config.secretsKey);
    this.queueWatch = new QueueWatch((taskQueue) => this.pollersOf(taskQueue));
  }

  async handle(command: StartRunCommand): Promise<StartRunAccepted> {
    const ref = command.idempotency;
    if (!ref) return this.start(command, randomUUID(), false);
    // A keyed request's run id follows from its key: a repeat names the same workflow, which Temporal starts once.
    const runId = runIdForKey(ref.key);
    return this.keyed.answerOnce(ref, async () => {
      await this.abandoned.reclaim(runId);
      return this.start(command, runId, true);
    });
  }

  private async start(command: StartRunCommand, runId: string, keyed: boolean): Promise<StartRunAccepted> {
    const job = await this.catalog.findJob(command.jobId);
    // A schedule's refusal names the reason its firing pauses it with, rather than failing at every tick.
    if (!job) {
      throw refusalFor(command.scheduleId, `job ${command.jobId} is not installed`, new YardError(ErrorCode.JobNotFound, `No installed job has the id ${JSON.stringify(command.jobId)}`));
    }
    if (!job.enabled) {
      throw refusalFor(command.scheduleId, `job ${job.id} is disabled`, new YardError(ErrorCode.JobDisabled, `Job ${job.id} is disabled by an administrator; enable it to run it`));
    }
    const sensitive = sensitiveVariableNames(job.variables);
    if (sensitive.length > 0 && (command.scheduleId || command.startAt !== undefined)) {
      // A schedule made before the job's variables became sensitive: refused with the reason, as for a disabled job.
      const refusal = sensitiveJobNotSchedulable(job, sensitive, command.scheduleId ? 'run by a schedule' : 'started later (startAt)');
      throw refusalFor(command.scheduleId, `job ${job.id} has sensitive variables`, refusal);
    }
    // A schedule whose owner may no longer act is refused here, before anything starts.
    const acting = await this.acting.of(command);
    refuseOwnerWhoMayNotRun(command, job, acting);
    const checked = await this.checkedInput(job, command, acting, runId);
    // Sensitive values: sealed in the workflow input, the one way they reach job code; masked everywhere else.
    const input: RunWorkflowInput = { ...checked, data: sealSensitiveData(this.secretBox, checked.runId, sensitive, checked.data) };
    const shownData = redactSensitiveData(sensitive, checked.data);
    const singletonScope = input.concurrency?.heldSlot === 0 ? input.concurrency.scope : null;
    await this.temporal.call(
      `starting a run of ${job.id}`,
      async (client) => {
        if (singletonScope) await this.singletons.claim(client, job.id, singletonScope, input.runId);
        try {
          await this.startWorkflow(client, input, keyed);
        } catch (error) {
          // Unreachable: whether it started is settled below, and a run that did start keeps its slot.
          if (singletonScope && !isTemporalUnreachable(error)) await this.singletons.release(singletonScope, input.runId);
          throw error;
        }
      },
      // The client hears "not started" only once the run can no longer start (see AbandonedStarts).
      async () => {
        const claim = await this.abandoned.abandon(input.runId);
        if (claim === 'started') return { value: undefined };
        if (singletonScope) await this.singletons.release(singletonScope, input.runId).catch(() => undefined);
        return claim === 'abandoned' ? false : null;
      },
    );

    const requestedAt = new Date().toISOString();
    await this.publishRequested({ ...input, data: shownData }, requestedAt);
    const warnings = await this.queueWatch.warningsFor(input.queue, taskQueueOfRun(this.config.shared.instance, input.queue));
    return {
      ...(warnings.length > 0 ? { warnings } : {}),
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

  private async checkedInput(job: EffectiveJob, command: StartRunCommand, acting: ActingAs, runId: string): Promise<RunWorkflowInput> {
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
      runId,
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
      scheduleId: command.scheduleId ?? null,
    };
  }

  /** Workers polling the task queue for workflow tasks: collectors host the run workflow, so none means no collector. */
  private async pollersOf(taskQueue: string): Promise<number> {
    const client = await this.temporal.get();
    const answer = await client.withDeadline(Date.now() + 1_000, () =>
      client.workflowService.describeTaskQueue({ namespace: this.config.temporal.namespace, taskQueue: { name: taskQueue }, taskQueueType: TASK_QUEUE_TYPE_WORKFLOW }),
    );
    return answer.pollers?.length ?? 0;
  }

  /**
   * A keyed run whose workflow exists already was started by an earlier request with the same key: it is the answer;
   * unless that request was answered 503 and its workflow, reaching Temporal anyway, was stopped before it ran
   * (`endedWithoutRunning`): then the run starts anew under the same id (the earlier execution ran nothing).
   */
  private async startWorkflow(client: Client, input: RunWorkflowInput, keyed: boolean): Promise<void> {
    const workflowId = workflowIdForRun(input.runId);
    const options = {
      workflowId,
      // Never a second workflow under a run's id, not even after the first has ended.
      workflowIdReusePolicy: 'REJECT_DUPLICATE' as const,
      taskQueue: taskQueueOfRun(this.config.shared.instance, input.queue),
      // Activities inherit it: with workers saturated, high runs' steps start before default, default before low.
      priority: { priorityKey: priorityKeyOf(input.queue) },
      args: [input] as [RunWorkflowInput],
      // Temporal holds a delayed workflow until its time: the run is `scheduled` meanwhile.
      ...(input.startAt ? { startDelay: Math.max(0, Date.parse(input.startAt) - Date.now()) } : {}),
      typedSearchAttributes: runSearchAttributes(input),
      staticSummary: `${input.jobName} (${input.jobId}), requested by ${input.requestedBy}${input.runAs && input.runAs !== input.requestedBy ? ` as ${input.runAs}` : ''}`,
      staticDetails: `Queue: ${input.queue}. Steps: ${input.steps.join(', ')}. Run timeout: ${input.runTimeoutSeconds} s.`,
    };
    try {
      await client.workflow.start(RUN_WORKFLOW_TYPE, options);
    } catch (error) {
      if (!keyed || !(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      if (!(await endedWithoutRunning(client.workflow.getHandle(workflowId)))) return;
      // Only a failed or terminated execution may be followed, and this one ran nothing.
      await client.workflow.start(RUN_WORKFLOW_TYPE, { ...options, workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY' });
    }
  }

  private async publishRequested(input: RunWorkflowInput, requestedAt: string): Promise<void> {
    // The workflow runs whether or not this publish succeeds: an event NATS refuses is published again once it is
    // back, so the run's requester, data, queue and audit entry are not lost.
    await this.redelivery.publish(subjectsFor(this.config.shared.instance).runEvent(input.runId, 'requested'), runRequestedEvent(input, requestedAt));
  }

}

/**
 * A schedule acts as its owner at every firing: an owner who has lost `jobs.run` for this job refuses the run with
 * that reason, as a deactivated one does, rather than running on rights they no longer hold.
 */
function refuseOwnerWhoMayNotRun(command: StartRunCommand, job: EffectiveJob, acting: ActingAs): void {
  if (!command.scheduleId || command.runAs === undefined) return;
  if (can(acting.principal, 'jobs.run', { kind: 'job', jobId: job.id, grouping: job.grouping })) return;
  throw ownerRefusal(command.scheduleId, `owner ${acting.runAs} may no longer run ${job.id}`);
}

/** Temporal's TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW. */
const TASK_QUEUE_TYPE_WORKFLOW = 1;

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
