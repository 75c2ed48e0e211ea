import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { schedulerTaskQueueFor } from '@yardmaster/contracts';
import type { SchedulerConfig } from '../config';
import { SCHEDULER_CONFIG } from '../scheduler-config.token';
import { ScheduleRegistry } from '../schedules/schedule-registry';
import { StartRunHandler } from '../start-run/start-run.handler';
import { createStartScheduledRun } from './start-scheduled-run.activity';

/**
 * The scheduler's Temporal worker: activities only (no workflow code), on the scheduler's own task queue
 * (`<instance>-scheduler`), where a schedule's firing starts its run. Scheduler replicas share the queue. A worker that
 * stops on its own (its connection gone for good) ends the process non-zero, so a supervisor restarts it.
 */
@Injectable()
export class SchedulerWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SchedulerWorkerService.name);
  private connection: NativeConnection | null = null;
  private worker: Worker | null = null;
  private running: Promise<void> | null = null;
  private stopping = false;

  constructor(
    @Inject(SCHEDULER_CONFIG) private readonly config: SchedulerConfig,
    private readonly startRun: StartRunHandler,
    private readonly schedules: ScheduleRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { temporal, shared, schedulerId } = this.config;
    const taskQueue = schedulerTaskQueueFor(shared.instance);
    this.connection = await NativeConnection.connect({ address: temporal.address });
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: temporal.namespace,
      taskQueue,
      identity: `${schedulerId}/${taskQueue}`,
      activities: createStartScheduledRun({
        startRun: (command) => this.startRun.handle(command),
        pauseSchedule: (scheduleId, reason) => this.schedules.pauseFor(scheduleId, reason),
      }),
    });
    this.running = this.watch(this.worker.run(), taskQueue);
    this.logger.log(`Polling task queue ${taskQueue}`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.worker?.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
    await this.connection?.close();
  }

  private async watch(run: Promise<void>, taskQueue: string): Promise<void> {
    try {
      await run;
      if (!this.stopping) throw new Error('the worker stopped on its own');
    } catch (error) {
      this.logger.error(`Worker for ${taskQueue} failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
      if (!this.stopping) process.kill(process.pid, 'SIGTERM');
    }
  }
}
