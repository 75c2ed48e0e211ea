import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { schedulerTaskQueueFor } from '@yardmaster/contracts';
import { activityLogContext, errorLogFields } from '@yardmaster/messaging';
import type { SchedulerConfig } from '../config';
import { SCHEDULER_CONFIG } from '../scheduler-config.token';
import { ScheduleRegistry } from '../schedules/schedule-registry';
import { StartRunHandler } from '../start-run/start-run.handler';
import { createStartScheduledRun } from './start-scheduled-run.activity';

/** How long the scheduler waits before polling again after its worker stopped (Temporal gone for a while). */
const REPOLL_AFTER_MS = 5_000;

/**
 * The scheduler's Temporal worker: activities only (no workflow code), on the scheduler's own task queue
 * (`<instance>-scheduler`), where a schedule's firing starts its run. Scheduler replicas share the queue.
 * Temporal being away never stops the scheduler (it goes on answering, 503 naming Temporal): a worker that stops
 * on its own is started again once Temporal answers, and the firings meanwhile wait in Temporal's queue.
 */
@Injectable()
export class SchedulerWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SchedulerWorkerService.name);
  private readonly taskQueue: string;
  private connection: NativeConnection | null = null;
  private worker: Worker | null = null;
  private polling: Promise<void> | null = null;
  private stopping = false;
  private wakeUp: (() => void) | null = null;

  constructor(
    @Inject(SCHEDULER_CONFIG) private readonly config: SchedulerConfig,
    private readonly startRun: StartRunHandler,
    private readonly schedules: ScheduleRegistry,
  ) {
    this.taskQueue = schedulerTaskQueueFor(config.shared.instance);
  }

  /** The first worker is created before the scheduler is up: Temporal answers at start, or the start fails. */
  async onApplicationBootstrap(): Promise<void> {
    const worker = await this.createWorker();
    this.polling = this.keepPolling(worker);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wakeUp?.();
    if (this.worker?.getState() === 'RUNNING') this.worker.shutdown();
    await this.polling;
    await this.connection?.close().catch(() => undefined);
  }

  private async keepPolling(first: Worker): Promise<void> {
    let worker: Worker | null = first;
    while (!this.stopping) {
      if (worker) {
        this.logger.log({ taskQueue: this.taskQueue }, 'Polling the task queue');
        try {
          await worker.run();
          if (this.stopping) return;
          this.logger.warn({ taskQueue: this.taskQueue }, 'The worker stopped on its own');
        } catch (error) {
          this.logger.warn({ taskQueue: this.taskQueue, ...errorLogFields(error) }, 'The worker failed');
        }
      }
      await this.pause(REPOLL_AFTER_MS);
      if (this.stopping) return;
      worker = await this.createWorker().catch((error: unknown) => {
        this.logger.warn({ taskQueue: this.taskQueue, ...errorLogFields(error) }, 'Cannot poll yet');
        return null;
      });
    }
  }

  private async createWorker(): Promise<Worker> {
    const { temporal, schedulerId } = this.config;
    await this.connection?.close().catch(() => undefined);
    this.connection = await NativeConnection.connect({ address: temporal.address });
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: temporal.namespace,
      taskQueue: this.taskQueue,
      identity: `${schedulerId}/${this.taskQueue}`,
      interceptors: { activity: [activityLogContext] },
      activities: createStartScheduledRun({
        startRun: (command) => this.startRun.handle(command),
        pauseSchedule: (scheduleId, reason) => this.schedules.pauseFor(scheduleId, reason),
      }),
    });
    return this.worker;
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
