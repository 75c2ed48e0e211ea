import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type * as TemporalTracing from '@temporalio/interceptors-opentelemetry';
import { createRequire } from 'node:module';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { CredentialVault, InventoryStore } from '@yardmaster/inventory';
import { SSH_CLI_ACCESS } from '../collection/cli/ssh-cli-access.provider';
import type { SshCliAccess } from '../collection/cli/ssh-cli-access';
import { taskQueueOfRun } from '@yardmaster/contracts';
import { activityLogContext, METRICS_REGISTRY, ServiceTracing, ConcurrencyQueue, ConcurrencySlots, errorLogFields, EventPublisher, NATS_CONNECTION, RunFileStore, RunStartClaims, SecretBox } from '@yardmaster/messaging';
import type { NatsConnection } from '@nats-io/nats-core';
import { activityCredentials } from '../activities/credentials/activity-credentials';
import { createRunActivities } from '../activities/create-run-activities';
import { objectValuesStage } from '../activities/run-data/object-values';
import { fileValuesStage } from '../activities/run-data/file-values';
import { createSensitiveValuesStage } from '../activities/run-data/sensitive-values';
import { CatalogAnnouncerService } from '../catalog/catalog-announcer.service';
import { CatalogReloadService } from '../catalog/catalog-reload.service';
import { CatalogService } from '../catalog/catalog.service';
import { createCollectionActivities } from '../collection/create-collection-activities';
import { COLLECTOR_CONFIG } from '../collector-config.token';
import type { CollectorConfig } from '../config';
import { StepMetrics } from '../metrics/step-metrics';
import type { Registry } from 'prom-client';

import { TRACED_WORKFLOW_BUNDLE_PATH, WORKFLOW_BUNDLE_PATH } from './workflow-bundle';

/**
 * One Temporal worker per queue this collector serves, all on one connection; then the catalog announcement, and from then on
 * catalog reloads (`<instance>.cmd.catalog.reload`). If a worker stops on its own (its connection is gone for good), the process
 * exits non-zero so a supervisor restarts it.
 */
@Injectable()
export class CollectorWorkersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CollectorWorkersService.name);
  private connection: NativeConnection | null = null;
  private workers: Worker[] = [];
  private running: Array<Promise<void>> = [];
  private stopping = false;

  constructor(
    @Inject(COLLECTOR_CONFIG) private readonly config: CollectorConfig,
    private readonly catalog: CatalogService,
    private readonly publisher: EventPublisher,
    private readonly announcer: CatalogAnnouncerService,
    private readonly reloads: CatalogReloadService,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly inventory: InventoryStore,
    @Inject(METRICS_REGISTRY) private readonly metricsRegistry: Registry,
    private readonly tracing: ServiceTracing,
    private readonly vault: CredentialVault,
    @Inject(SSH_CLI_ACCESS) private readonly cli: SshCliAccess,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { temporal, shared, queues, collectorId } = this.config;
    this.connection = await NativeConnection.connect({ address: temporal.address });
    const files = new RunFileStore(this.nc, shared.instance);
    // The host only: the URL may carry credentials, and the address ends up in a run's error.
    const logDelivery = { limits: this.config.logDelivery, natsAddress: new URL(shared.natsUrl).host };
    const runActivities = createRunActivities({
      // Looked up at each call: a catalog reload takes effect without restarting the workers.
      registry: () => this.catalog.current(),
      publisher: this.publisher,
      instance: shared.instance,
      workerId: collectorId,
      // In order: each stage's output is the next one's input.
      // Sealed values first: later stages and job code see clear values.
      runDataStages: [createSensitiveValuesStage(new SecretBox(this.config.secretsKey)), objectValuesStage(this.inventory), fileValuesStage(files)],
      inventory: this.inventory,
      logDelivery,
      slots: await ConcurrencySlots.open(this.nc, shared.instance),
      queue: await ConcurrencyQueue.open(this.nc, shared.instance),
      startClaims: await RunStartClaims.open(this.nc, shared.instance),
      nc: this.nc,
      files,
      metrics: new StepMetrics(this.metricsRegistry),
    });
    // Plan runs' activities: credential sets are opened inside them only.
    const collectionActivities = createCollectionActivities({
      publisher: this.publisher,
      nc: this.nc,
      instance: shared.instance,
      workerId: collectorId,
      inventory: this.inventory,
      credentials: activityCredentials(this.vault),
      logDelivery,
      cli: this.cli,
    });
    const activities = { ...runActivities, ...collectionActivities };
    const taskQueues = [...new Set(queues.map((queue) => taskQueueOfRun(shared.instance, queue)))];
    for (const taskQueue of taskQueues) {
      const worker = await Worker.create({
        connection: this.connection,
        namespace: temporal.namespace,
        taskQueue,
        identity: `${collectorId}/${taskQueue}`,
        activities,
        ...this.tracingOptions(),
        // Heartbeats reach Temporal at least this often, so a cancellation reaches the step within about a second.
        maxHeartbeatThrottleInterval: '500ms',
        // A collector that died leaves its runs' workflow tasks on its sticky queue: after this long Temporal hands them
        // to another collector, so a cancel or a run's timeout acts within seconds (Temporal's default is 10 s).
        stickyQueueScheduleToStartTimeout: '3s',
        maxConcurrentActivityTaskExecutions: this.config.maxConcurrentSteps,
      });
      this.workers.push(worker);
      this.running.push(this.watch(worker.run(), taskQueue));
      this.logger.log({ taskQueue }, 'Polling task queue');
    }
    // Announced only once the workers poll, so a job the catalog lists can be run at once.
    await this.announcer.announce();
    this.reloads.listen();
  }

  /**
   * The bundle, interceptors and sinks of the workers: with tracing on, a run's workflow continues the trace its
   * start carried (Temporal headers), its activities continue the workflow's, and workflow spans leave through a sink.
   */
  private tracingOptions(): Pick<WorkerOptions, 'workflowBundle' | 'interceptors' | 'sinks'> {
    const sdk = this.tracing.sdk;
    if (!sdk) return { workflowBundle: { codePath: WORKFLOW_BUNDLE_PATH }, interceptors: { activity: [activityLogContext] } };
    // Loaded only when tracing is on: Temporal's interceptors load the OpenTelemetry SDK, about 17 MB of resident
    // memory a collector without tracing never uses (README, "Memory").
    const { makeWorkflowExporter, OpenTelemetryActivityInboundInterceptor } = createRequire(__filename)('@temporalio/interceptors-opentelemetry') as typeof TemporalTracing;
    return {
      workflowBundle: { codePath: TRACED_WORKFLOW_BUNDLE_PATH },
      interceptors: { activity: [(ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx) }), activityLogContext] },
      sinks: { exporter: makeWorkflowExporter(sdk.processor, sdk.resource) } as WorkerOptions['sinks'],
    };
  }

  /** True once every queue's worker polls: before that, the collector is not ready. */
  isPolling(): boolean {
    return this.workers.length > 0 && this.workers.every((worker) => worker.getState() === 'RUNNING');
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    for (const worker of this.workers) {
      if (worker.getState() === 'RUNNING') worker.shutdown();
    }
    await Promise.all(this.running);
    await this.connection?.close();
  }

  private async watch(run: Promise<void>, taskQueue: string): Promise<void> {
    try {
      await run;
      if (!this.stopping) throw new Error('the worker stopped on its own');
    } catch (error) {
      this.logger.error({ taskQueue, ...errorLogFields(error) }, 'Worker failed');
      process.exitCode = 1;
      if (!this.stopping) process.kill(process.pid, 'SIGTERM');
    }
  }
}
