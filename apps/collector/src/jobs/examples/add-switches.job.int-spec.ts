/**
 * `examples.AddSwitches` run as the collector runs a step (the step activity, its inventory transaction, its log
 * on NATS) against the real Postgres and NATS: the same step run again with the same idempotency key, as at
 * attempt 2 after Temporal lost the news that attempt 1 had finished, changes the inventory once.
 */
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { DEFAULT_RETRY_POLICY, type RunWorkflowInput, type StepOutcome } from '@yardmaster/contracts';
import { createInventoryDataSource, InventoryStore } from '@yardmaster/inventory';
import { JobRegistry, validateRunData } from '@yardmaster/job-sdk';
import { connectNats, ensureStreams, EventPublisher, RunStartClaims, type NatsConnection } from '@yardmaster/messaging';
import { createTestDatabase, deleteStreams, testDependencies, uniqueInstanceName, type TestDatabase } from '@yardmaster/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createExecuteJobStep } from '../../activities/execute-job-step.activity';
import { objectValuesStage } from '../../activities/run-data/object-values';
import { BUILTIN_JOB_MODULES } from '../builtin-job-modules';

jest.setTimeout(60_000);

const INSTANCE = uniqueInstanceName('ledger');
const JOB_ID = 'examples.AddSwitches';
const registry = new JobRegistry(BUILTIN_JOB_MODULES);

describe('examples.AddSwitches: a step that is safe to run again', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: InventoryStore;
  let nc: NatsConnection;
  let executeJobStep: ReturnType<typeof createExecuteJobStep>;
  let roleId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createInventoryDataSource(database.url, 'add-switches-test').initialize();
    store = new InventoryStore(dataSource);
    nc = await connectNats(testDependencies.natsUrl, 'add-switches-int-spec');
    await ensureStreams(nc, INSTANCE);
    executeJobStep = createExecuteJobStep({
      registry: () => registry,
      publisher: new EventPublisher(nc),
      instance: INSTANCE,
      workerId: 'collector-test@host:1',
      runDataStages: [objectValuesStage(store)],
      inventory: store,
      logDelivery: { limits: { maxEntries: 1000, maxBytes: 1024 * 1024, giveUpAfterMs: 10_000 }, natsAddress: testDependencies.natsUrl },
      startClaims: await RunStartClaims.open(nc, INSTANCE),
    });
    roleId = (await store.collections.deviceRoles.create({ name: 'Access Switch' })).id;
  });

  afterAll(async () => {
    if (nc) {
      await deleteStreams(nc, INSTANCE);
      await nc.close();
    }
    await dataSource?.destroy();
    await database?.drop();
  });

  async function newSite(name: string): Promise<string> {
    return (await store.collections.sites.create({ name })).id;
  }

  function runOf(siteId: string, count: number, runId = randomUUID()): RunWorkflowInput {
    const definition = registry.find(JOB_ID)?.definition;
    if (!definition) throw new Error(`no job ${JOB_ID}`);
    const validation = validateRunData(definition.variables, { site: siteId, role: roleId, count });
    if (!validation.ok) throw new Error(`bad test data: ${JSON.stringify(validation.errors)}`);
    return {
      runId,
      jobId: JOB_ID,
      jobName: definition.name,
      data: validation.data,
      commit: true,
      queue: 'default',
      requestedBy: 'alice',
      correlationId: randomUUID(),
      steps: definition.steps,
      runTimeoutSeconds: 600,
      stepTimeoutSeconds: 60,
      heartbeatTimeoutSeconds: 10,
      retry: DEFAULT_RETRY_POLICY,
      concurrency: null,
    };
  }

  /** One attempt of the run step, as a worker runs it; the workflow hands over the attempt it counts. */
  function runStep(run: RunWorkflowInput, attempt: number): Promise<StepOutcome> {
    const env = new MockActivityEnvironment({ attempt }, { logger: new DefaultLogger('ERROR') });
    return env.run(executeJobStep, { run, step: 'run', runResult: null, attempt, jobAttempt: attempt }) as Promise<StepOutcome>;
  }

  async function switchesAt(siteId: string): Promise<string[]> {
    return (await store.collections.devices.find({ site: siteId }, { limit: 100 })).items.map((device) => device.name);
  }

  it('adds the switches at attempt 1, and adds nothing at attempt 2 of the same step: it answers what attempt 1 did', async () => {
    const siteId = await newSite('Ledger 1');
    const run = runOf(siteId, 2);

    const first = await runStep(run, 1);
    expect(first.result).toEqual({ site: 'Ledger 1', switches: ['ledger-1-sw01', 'ledger-1-sw02'] });
    expect(await switchesAt(siteId)).toEqual(['ledger-1-sw01', 'ledger-1-sw02']);

    const second = await runStep(run, 2);
    expect(second).toEqual(first);
    expect(await switchesAt(siteId)).toEqual(['ledger-1-sw01', 'ledger-1-sw02']);
    // One ledger entry, saved with the switches it tags.
    const ledger = await store.collections.tags.find({ name: `step ${run.runId}:run` });
    expect(ledger.items).toHaveLength(1);
    expect((await store.collections.devices.find({ tag: [ledger.items[0]!.slug] })).total).toBe(2);
  });

  it('is keyed by run: another run of the job adds its switches after the first run’s', async () => {
    const siteId = await newSite('Ledger 2');
    await runStep(runOf(siteId, 2), 1);
    const other = await runStep(runOf(siteId, 1), 1);
    expect(other.result).toEqual({ site: 'Ledger 2', switches: ['ledger-2-sw03'] });
    expect(await switchesAt(siteId)).toEqual(['ledger-2-sw01', 'ledger-2-sw02', 'ledger-2-sw03']);
  });

  it('leaves no ledger entry when an attempt fails, so the next attempt does the work', async () => {
    const siteId = await newSite('Ledger 3');
    // Not counted as a switch (upper case), but its name is taken regardless of case: attempt 1 fails on it.
    const blocker = await store.collections.devices.create({ name: 'LEDGER-3-SW01', siteId, roleId });
    const run = runOf(siteId, 1);
    await expect(runStep(run, 1)).rejects.toThrow(/LEDGER-3-SW01|taken|already/i);
    expect(await store.collections.tags.find({ name: `step ${run.runId}:run` })).toMatchObject({ total: 0 });

    await store.collections.devices.delete(blocker.id);
    const saved = await runStep(run, 2);
    expect(saved.result).toEqual({ site: 'Ledger 3', switches: ['ledger-3-sw01'] });
    expect(await switchesAt(siteId)).toEqual(['ledger-3-sw01']);
  });
});
