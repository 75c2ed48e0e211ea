import { Inject, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import {
  ErrorCode,
  newEvent,
  subjectsFor,
  workflowIdForRun,
  YardError,
  type CancelRunAccepted,
  type CancelRunCommand,
  type RunCancelRequested,
} from '@yardmaster/contracts';
import { EventPublisher } from '@yardmaster/messaging';
import type { SchedulerConfig } from '../config';
import { SCHEDULER_CONFIG } from '../scheduler-config.token';
import { TemporalClientProvider } from '../temporal/temporal-client.provider';
import { workflowStateOf } from '../temporal/workflow-state';
import { requestConfirmedCancel } from './confirmed-cancel';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `run.cancel`: asks the run's workflow to cancel, saying who asked. Only a live run can be cancelled; Temporal,
 * not the read model, decides whether it still is, and the workflow whether it is too late (RUN_ALREADY_FINISHING).
 */
@Injectable()
export class CancelRunHandler {
  constructor(
    @Inject(SCHEDULER_CONFIG) private readonly config: SchedulerConfig,
    private readonly temporal: TemporalClientProvider,
    private readonly publisher: EventPublisher,
  ) {}

  private get confirmWithinMs(): number {
    return this.config.cancelConfirmTimeoutSeconds * 1000;
  }

  async handle(command: CancelRunCommand): Promise<CancelRunAccepted> {
    const { runId } = command;
    if (!UUID.test(runId)) throw new YardError(ErrorCode.RunNotFound, `No run has the id ${JSON.stringify(runId)}`);
    const workflowId = workflowIdForRun(runId);
    const answer = await this.temporal.command(`cancelling run ${runId}`, async () => {
      const state = await this.temporal.rpc('read', (client) => workflowStateOf(client, workflowId));
      if (state === 'NOT_FOUND') throw new YardError(ErrorCode.RunNotFound, `No run has the id ${JSON.stringify(runId)}`);
      if (state !== 'RUNNING') throw alreadyFinished(runId, state);
      try {
        // Longer than one call: the workflow has its confirm timeout to answer, and the plain cancel follows.
        return await this.temporal.rpc(
          'change',
          (client) => requestConfirmedCancel(client, client.workflow.getHandle(workflowId), command.meta.actor, this.confirmWithinMs),
          this.confirmWithinMs,
        );
      } catch (error) {
        // The run ended between the check and the request.
        if (error instanceof WorkflowNotFoundError) throw alreadyFinished(runId, await this.temporal.rpc('read', (client) => workflowStateOf(client, workflowId)));
        throw error;
      }
    });
    if (answer === 'too_late') {
      throw new YardError(ErrorCode.RunAlreadyFinishing, `Run ${runId} is already finishing: its ending is decided and the cancel came too late; nothing was changed`);
    }

    const at = new Date().toISOString();
    const event: RunCancelRequested = newEvent({
      id: `${runId}:run.cancel_requested`,
      type: 'run.cancel_requested',
      occurredAt: at,
      aggregateId: runId,
      sequence: 0,
      correlationId: command.meta.correlationId,
      actor: command.meta.actor,
      data: { by: command.meta.actor },
    });
    await this.publisher.publish(subjectsFor(this.config.shared.instance).runEvent(runId, 'cancel_requested'), event);
    return { runId, cancelRequestedBy: command.meta.actor, cancelRequestedAt: at, confirmed: answer === 'confirmed' };
  }
}

function alreadyFinished(runId: string, state: string): YardError {
  return new YardError(ErrorCode.RunAlreadyFinished, `Run ${runId} has already ended (${state.toLowerCase()}); nothing was changed`, undefined, {
    workflowState: state,
  });
}
