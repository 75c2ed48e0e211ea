import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  newEvent,
  RUN_WORKFLOW_TYPE,
  runTaskQueueFor,
  subjectsFor,
  workflowIdForRun,
  YardError,
  DEFAULT_QUEUE,
  type RunRequested,
  type RunWorkflowInput,
  type StartRunAccepted,
  type StartRunCommand,
} from '@yardmaster/contracts';
import { validateRunData } from '@yardmaster/job-sdk';
import { EventPublisher } from '@yardmaster/messaging';
import { CatalogReader } from '../catalog/catalog-reader';
import type { SchedulerConfig } from '../config';
import { SCHEDULER_CONFIG } from '../scheduler-config.token';
import { TemporalClientProvider } from '../temporal/temporal-client.provider';

/**
 * `run.start`: checks the job and its data, starts the workflow `run-<runId>`, then records `run.requested`.
 * The workflow starts first so that an accepted run always exists in Temporal, the truth about execution.
 */
@Injectable()
export class StartRunHandler {
  private readonly logger = new Logger(StartRunHandler.name);

  constructor(
    @Inject(SCHEDULER_CONFIG) private readonly config: SchedulerConfig,
    private readonly catalog: CatalogReader,
    private readonly temporal: TemporalClientProvider,
    private readonly publisher: EventPublisher,
  ) {}

  async handle(command: StartRunCommand): Promise<StartRunAccepted> {
    const job = await this.catalog.findJob(command.jobId);
    if (!job) throw new YardError(ErrorCode.JobNotFound, `No installed job has the id ${JSON.stringify(command.jobId)}`);

    const queue = command.queue ?? DEFAULT_QUEUE;
    const validation = validateRunData(job.variables, command.data ?? {});
    const fieldErrors = [
      ...(validation.ok ? [] : validation.errors),
      ...(this.config.queues.includes(queue) ? [] : [{ field: 'queue', message: `must be one of ${this.config.queues.join(', ')}` }]),
    ];
    if (!validation.ok || fieldErrors.length > 0) {
      throw new YardError(ErrorCode.ValidationFailed, `The run request for ${job.id} is invalid`, fieldErrors);
    }

    const runId = randomUUID();
    const workflowId = workflowIdForRun(runId);
    const requestedAt = new Date().toISOString();
    const input: RunWorkflowInput = {
      runId,
      jobId: job.id,
      jobName: job.name,
      data: validation.data,
      commit: command.commit ?? true,
      queue,
      requestedBy: command.meta.actor,
      correlationId: command.meta.correlationId,
      steps: job.steps,
      stepTimeoutSeconds: this.config.stepTimeoutSeconds,
    };
    await this.startWorkflow(input);

    const event: RunRequested = newEvent({
      id: `${runId}:run.requested`,
      type: 'run.requested',
      occurredAt: requestedAt,
      aggregateId: runId,
      sequence: 1,
      correlationId: command.meta.correlationId,
      actor: command.meta.actor,
      data: {
        jobId: job.id,
        jobName: job.name,
        data: input.data,
        commit: input.commit,
        queue,
        requestedBy: input.requestedBy,
        workflowId,
        requestedAt,
      },
    });
    // The workflow runs whether or not this publish succeeds; its own events create the run row if it fails.
    await this.publisher.publish(subjectsFor(this.config.shared.instance).runEvent(runId, 'requested'), event).catch((error: unknown) => {
      this.logger.error(`run.requested for ${runId} was not published: ${String(error)}`);
    });

    return { runId, jobId: job.id, workflowId, status: 'queued', data: input.data, commit: input.commit, queue, requestedBy: input.requestedBy, requestedAt };
  }

  private async startWorkflow(input: RunWorkflowInput): Promise<void> {
    let client;
    try {
      client = await this.temporal.get();
    } catch (error) {
      throw new YardError(ErrorCode.ServiceUnavailable, `Temporal is not reachable at ${this.config.temporal.address}: ${String(error)}`);
    }
    await client.workflow.start(RUN_WORKFLOW_TYPE, {
      workflowId: workflowIdForRun(input.runId),
      taskQueue: runTaskQueueFor(this.config.shared.instance, input.queue),
      args: [input],
    });
  }
}
