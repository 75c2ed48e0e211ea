/**
 * What the plan-run integration tests share: the run workflow bundled from the sources, Yardmaster's search
 * attributes on the test's Temporal server, a plan snapshot made into a run's input as the API makes it, the run's
 * outcome however its workflow ended, and a stream's events read back (log batches as the run.log events they carry).
 */
import { jetstreamManager } from '@nats-io/jetstream';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  COLLECT_FACTS_JOB_ID,
  isRunEndFailureType,
  RUN_WORKFLOW_TYPE,
  runLogEventsOf,
  SEARCH_ATTRIBUTE_NAMES,
  workflowIdForRun,
  type EventEnvelope,
  type JsonObject,
  type PlanSettings,
  type RunLogBatch,
  type RunOutcome,
  type RunWorkflowInput,
} from '@yardmaster/contracts';
import { JobRegistry, validateRunData } from '@yardmaster/job-sdk';
import { createInventoryDataSource, CredentialVault, InventoryStore } from '@yardmaster/inventory';
import { connectNats, ensureStreams, EventPublisher, RunStartClaims, type NatsConnection, type SecretBox } from '@yardmaster/messaging';
import { createTestDatabase, deleteStreams, testDependencies, type TestDatabase } from '@yardmaster/testing';
import type { DataSource } from 'typeorm';
import { activityCredentials } from '../../activities/credentials/activity-credentials';
import { createPublishRunEvent } from '../../activities/publish-run-event.activity';
import type { CliAccess } from '../cli/cli-access';
import { createCollectionActivities } from '../create-collection-activities';
import { BUILTIN_JOB_MODULES } from '../../jobs/builtin-job-modules';
import { SHARED_WORKFLOW_MODULES } from '../../worker/workflow-bundle';

const LIBS = path.resolve(__dirname, '../../../../../libs');
const registry = new JobRegistry(BUILTIN_JOB_MODULES);

/** The run workflow from the sources (the contracts shared across workflows, as the collector's bundle has them). */
export function bundlePlanRunWorkflow(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: path.join(LIBS, 'workflows/src/index.ts'),
    preloadModules: [...SHARED_WORKFLOW_MODULES],
    logger: new DefaultLogger('ERROR'),
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as Record<string, string>), '@yardmaster/contracts$': path.join(LIBS, 'contracts/src/index.ts'), '@yardmaster/contracts/workflow$': path.join(LIBS, 'contracts/src/workflow-contracts.ts') } },
    }),
  });
}

/** The search attributes a run workflow upserts, on the test's namespace (already there is fine). */
export async function ensureSearchAttributes(env: TestWorkflowEnvironment, namespace: string): Promise<void> {
  const keyword = temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
  await env.connection.operatorService
    .addSearchAttributes({ namespace, searchAttributes: Object.fromEntries(Object.values(SEARCH_ATTRIBUTE_NAMES).map((name) => [name, keyword])) })
    .catch((error: unknown) => {
      if (!/already exists/i.test(String(error))) throw error;
    });
}

/**
 * What a plan-run test file opens before its first test: a database of its own with the inventory's tables, its
 * instance's streams on the shared NATS, the shared Temporal server with Yardmaster's search attributes, and the run
 * workflow bundled; `worker` makes a collector's worker on its task queue, `close` removes what it made.
 */
export class PlanRunTestbed {
  private constructor(
    readonly database: TestDatabase,
    readonly dataSource: DataSource,
    readonly store: InventoryStore,
    readonly nc: NatsConnection,
    readonly env: TestWorkflowEnvironment,
    readonly bundle: WorkflowBundleWithSourceMap,
    private readonly setup: { readonly name: string; readonly instance: string; readonly taskQueue: string; readonly box: SecretBox; readonly namespace: string },
  ) {}

  static async open(setup: { readonly name: string; readonly instance: string; readonly taskQueue: string; readonly box: SecretBox }): Promise<PlanRunTestbed> {
    const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
    const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
    Runtime.install({ logger: new DefaultLogger('ERROR') });
    const database = await createTestDatabase();
    const dataSource = await createInventoryDataSource(database.url, setup.name).initialize();
    const nc = await connectNats(testDependencies.natsUrl, setup.name);
    await ensureStreams(nc, setup.instance);
    const env = await TestWorkflowEnvironment.createFromExistingServer({ address, namespace });
    await ensureSearchAttributes(env, namespace);
    const bundle = await bundlePlanRunWorkflow();
    return new PlanRunTestbed(database, dataSource, new InventoryStore(dataSource), nc, env, bundle, { ...setup, namespace });
  }

  /** A collector's worker for plan runs; `cli` for plans over SSH. */
  worker(cli?: CliAccess): Promise<Worker> {
    const { name, instance, taskQueue, box, namespace } = this.setup;
    return createPlanRunWorker({ env: this.env, namespace, taskQueue, bundle: this.bundle, nc: this.nc, instance, workerId: name, store: this.store, dataSource: this.dataSource, box, ...(cli ? { cli } : {}) });
  }

  async close(): Promise<void> {
    await this.env.teardown();
    await deleteStreams(this.nc, this.setup.instance);
    await this.nc.close();
    await this.dataSource.destroy();
    await this.database.drop();
  }
}

/** Where a plan-run test's worker runs, and what its activities read and write. */
export interface PlanRunWorkerSetup {
  readonly env: TestWorkflowEnvironment;
  readonly namespace: string;
  readonly taskQueue: string;
  readonly bundle: WorkflowBundleWithSourceMap;
  readonly nc: NatsConnection;
  readonly instance: string;
  readonly workerId: string;
  readonly store: InventoryStore;
  readonly dataSource: DataSource;
  readonly box: SecretBox;
  /** SSH collection; left out, a plan over SSH fails its devices as a collector without SSH would. */
  readonly cli?: CliAccess;
}

/** A worker with the collection activities, as the collector creates it. */
export async function createPlanRunWorker(setup: PlanRunWorkerSetup): Promise<Worker> {
  const { env, nc, instance } = setup;
  const publisher = new EventPublisher(nc);
  const logDelivery = { limits: { maxEntries: 10_000, maxBytes: 8 * 1024 * 1024, giveUpAfterMs: 10_000 }, natsAddress: testDependencies.natsUrl };
  return Worker.create({
    connection: env.nativeConnection,
    namespace: setup.namespace,
    taskQueue: setup.taskQueue,
    workflowBundle: setup.bundle,
    activities: {
      publishRunEvent: createPublishRunEvent({ publisher, instance, startClaims: await RunStartClaims.open(nc, instance) }),
      ...createCollectionActivities({
        publisher,
        nc,
        instance,
        workerId: setup.workerId,
        inventory: setup.store,
        credentials: activityCredentials(new CredentialVault(setup.dataSource, setup.box)),
        logDelivery,
        ...(setup.cli ? { cli: setup.cli } : {}),
      }),
    },
    maxHeartbeatThrottleInterval: '500ms',
    // As the collector: a workflow whose worker went away moves to another within seconds.
    stickyQueueScheduleToStartTimeout: '1s',
  });
}

/** A plan as the tests write one: what a test names, the rest a detect-only plan over SNMP, one attempt a device. */
export function testPlan(plan: Pick<PlanSettings, 'planId' | 'planName' | 'collectorTypes' | 'filter'> & Partial<PlanSettings>): PlanSettings {
  return {
    credentialsRef: null,
    connectionTarget: 'primary',
    protocol: 'snmp',
    detectOnly: true,
    deviceTimeoutSeconds: 60,
    devicesAtOnce: 5,
    deviceRetry: { maximumAttempts: 1, initialIntervalSeconds: 0 },
    ...plan,
  };
}

/** A plan snapshot as a run of `collection.CollectFacts`: checked against the job's variables, as the API checks it. */
export function planRunInput(plan: PlanSettings, timeouts: { runTimeoutSeconds: number; stepTimeoutSeconds: number } = { runTimeoutSeconds: 150, stepTimeoutSeconds: 60 }): RunWorkflowInput {
  const definition = registry.find(COLLECT_FACTS_JOB_ID)?.definition;
  if (!definition) throw new Error(`no job ${COLLECT_FACTS_JOB_ID}`);
  const validation = validateRunData(definition.variables, { plan } as unknown as JsonObject);
  if (!validation.ok) throw new Error(`bad test data: ${JSON.stringify(validation.errors)}`);
  return {
    runId: randomUUID(),
    jobId: COLLECT_FACTS_JOB_ID,
    jobName: definition.name,
    data: validation.data,
    commit: null,
    queue: 'default',
    requestedBy: 'alice',
    correlationId: `corr-${randomUUID()}`,
    steps: definition.steps,
    ...timeouts,
    heartbeatTimeoutSeconds: 10,
    retry: definition.retry,
    concurrency: null,
  };
}

/** Starts the run on `taskQueue` and answers its outcome. */
export async function runToEnd(env: TestWorkflowEnvironment, taskQueue: string, input: RunWorkflowInput): Promise<{ runId: string; outcome: RunOutcome }> {
  const handle = await env.client.workflow.start(RUN_WORKFLOW_TYPE, { args: [input], taskQueue, workflowId: workflowIdForRun(input.runId) });
  return { runId: input.runId, outcome: await outcomeOf(handle) };
}

/** A run's outcome, whether its workflow completed or failed with the outcome as detail. */
export async function outcomeOf(handle: { result(): Promise<unknown> }): Promise<RunOutcome> {
  try {
    return (await handle.result()) as RunOutcome;
  } catch (error) {
    const cause = error instanceof WorkflowFailedError ? error.cause : undefined;
    if (cause instanceof ApplicationFailure && isRunEndFailureType(cause.type)) return cause.details?.[0] as RunOutcome;
    throw error;
  }
}

/** The events of one stream whose subject starts with `prefix`, in stream order; log batches as one run.log per line. */
export async function eventsOn(nc: NatsConnection, stream: string, prefix: string): Promise<EventEnvelope[]> {
  const jsm = await jetstreamManager(nc);
  const { state } = await jsm.streams.info(stream);
  const events: EventEnvelope[] = [];
  for (let seq = state.first_seq; seq <= state.last_seq; seq++) {
    const message = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
    if (message?.subject.startsWith(prefix)) events.push(JSON.parse(new TextDecoder().decode(message.data)) as EventEnvelope);
  }
  return events.flatMap((event) => (event.type === 'run.log_batch' ? runLogEventsOf(event as RunLogBatch) : [event]));
}
