import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/nats-core';
import type { Client } from '@temporalio/client';
import { runEventKind, subjectsFor, workflowIdForRun, type LiveRun, type LiveRunsQuery, type RunOutcome } from '@yardmaster/contracts';
import { ConcurrencySlots, errorLogFields, EventPublisher, NATS_CONNECTION, sendCommand } from '@yardmaster/messaging';
import type { SchedulerConfig } from '../config';
import { SCHEDULER_CONFIG } from '../scheduler-config.token';
import { StaleQueueEntries } from '../concurrency/stale-queue-entries';
import { TemporalClientProvider } from '../temporal/temporal-client.provider';
import { workflowStateOf, type WorkflowState } from '../temporal/workflow-state';
import { correctiveTerminalEvent } from './corrective-event';
import { republishLostRequests } from './lost-requests';
import { outcomeOfFailedRun } from './outcome-of-failed-run';

/** Runs quiet for less than this are left alone: their events may still be on the way. */
const QUIET_SECONDS = 10;
/** A run accepted this long ago whose workflow Temporal does not know never started. */
const NEVER_STARTED_AFTER_MS = 60_000;

export interface ReconcileReport {
  readonly checked: number;
  readonly corrected: number;
  readonly slotsFreed: number;
  /** Runs whose lost run.requested was published again from their workflow's input. */
  readonly requestsRepublished: number;
}

/**
 * Keeps the read model honest: a run it believes live but whose workflow Temporal knows has ended (or
 * never started) gets the terminal event it missed, and concurrency slots held by ended runs are freed.
 */
@Injectable()
export class RunReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RunReconciler.name);
  private timer: NodeJS.Timeout | null = null;
  private pass: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(SCHEDULER_CONFIG) private readonly config: SchedulerConfig,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly temporal: TemporalClientProvider,
    private readonly publisher: EventPublisher,
    private readonly slots: ConcurrencySlots,
    private readonly staleQueueEntries: StaleQueueEntries,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.pass = this.reconcileOnce().catch((error: unknown) => this.logger.warn(errorLogFields(error), 'Reconciliation skipped'));
    }, this.config.reconcileIntervalSeconds * 1000);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.pass;
  }

  async reconcileOnce(): Promise<ReconcileReport> {
    const client = await this.temporal.get();
    const query: LiveRunsQuery = { quietSeconds: QUIET_SECONDS, limit: 500 };
    const live = await sendCommand<LiveRun[]>(this.nc, subjectsFor(this.config.shared.instance).liveRunsQuery, query, {
      timeoutMs: 5_000,
      serviceName: 'projection',
    });
    let corrected = 0;
    for (const run of live) {
      if (await this.reconcileRun(client, run)) corrected++;
    }
    const slotsFreed = await this.freeStaleSlots(client);
    const requestsRepublished = await republishLostRequests({ nc: this.nc, client, publisher: this.publisher, instance: this.config.shared.instance });
    const unqueued = await this.staleQueueEntries.prune(client);
    if (unqueued > 0) this.logger.log({ runCount: unqueued }, 'Took ended runs out of the concurrency queues');
    if (corrected > 0 || slotsFreed > 0 || requestsRepublished > 0) {
      this.logger.log({ corrected, liveRuns: live.length, slotsFreed, requestsRepublished }, 'Reconciled live runs');
    }
    return { checked: live.length, corrected, slotsFreed, requestsRepublished };
  }

  private async reconcileRun(client: Client, run: LiveRun): Promise<boolean> {
    const state = await workflowStateOf(client, run.workflowId);
    if (state === 'RUNNING' || state === 'UNKNOWN') return false;
    if (state === 'NOT_FOUND' && Date.now() - Date.parse(run.updatedAt) < NEVER_STARTED_AFTER_MS) return false;
    const handle = client.workflow.getHandle(run.workflowId);
    const outcome = state === 'COMPLETED' ? ((await handle.result()) as RunOutcome) : state === 'FAILED' ? await outcomeOfFailedRun(handle) : null;
    const failure = state === 'FAILED' || state === 'TERMINATED' ? await this.closeReason(client, run.workflowId) : null;
    const event = correctiveTerminalEvent(run.runId, state, outcome, failure, run.cancelRequestedBy);
    if (!event) return false;
    await this.publisher.publish(subjectsFor(this.config.shared.instance).runEvent(run.runId, runEventKind(event.type)), event);
    this.logger.warn({ runId: run.runId, readModelStatus: run.status, temporalState: state, eventType: event.type }, 'Run corrected: the read model disagreed with Temporal');
    return true;
  }

  private async closeReason(client: Client, workflowId: string): Promise<string | null> {
    try {
      const history = await client.workflow.getHandle(workflowId).fetchHistory();
      const last = history.events?.at(-1);
      return last?.workflowExecutionTerminatedEventAttributes?.reason ?? last?.workflowExecutionFailedEventAttributes?.failure?.message ?? null;
    } catch {
      return null;
    }
  }

  private async freeStaleSlots(client: Client): Promise<number> {
    let freed = 0;
    for (const holder of await this.slots.holders()) {
      const state: WorkflowState = await workflowStateOf(client, workflowIdForRun(holder.runId));
      // NOT_FOUND may be a run whose workflow is starting this very moment: only a closed workflow frees its slot.
      if (state !== 'RUNNING' && state !== 'NOT_FOUND' && state !== 'UNKNOWN' && (await this.slots.release(holder.scope, holder.slot, holder.runId))) freed++;
    }
    return freed;
  }
}
