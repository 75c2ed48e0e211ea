/**
 * A plan run end to end on the collector's side: the run workflow on a real Temporal worker, the collection
 * activities against a real Postgres inventory, credential sets opened through the vault, facts and run events on
 * real NATS JetStream, and SNMP agents served by snmpsim (two recordings of real devices) beside a "device" whose
 * port swallows every request. The two answer and land their entries on the FACTS stream; the silent one fails alone
 * with SNMP_TIMEOUT after its retries; the run ends failed with the result re-running the failed devices reads.
 * A plan with the connection target `primary_then_oob` collects a device whose primary address swallows every
 * request on its out-of-band address, the simulator.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { WorkflowFailedError } from '@temporalio/client';
import { CancelledFailure } from '@temporalio/common';
import { MockActivityEnvironment, type TestWorkflowEnvironment } from '@temporalio/testing';
import {
  RUN_WORKFLOW_TYPE,
  streamNamesFor,
  workflowIdForRun,
  type CollectFactsResult,
  type FactsEntriesDetectedData,
  type FactsEntriesResolvedData,
  type FactsEvent,
  type JsonObject,
  type PlanSettings,
  type RunLogData,
} from '@yardmaster/contracts';
import { CredentialSetStore, CredentialVault, type InventoryStore } from '@yardmaster/inventory';
import { EventPublisher, SecretBox, type NatsConnection } from '@yardmaster/messaging';
import { COLLECTED_SUBTREES } from '@yardmaster/snmp';
import { OwnSnmpSimulator, testDependencies, uniqueInstanceName, waitFor } from '@yardmaster/testing';
import type { DataSource } from 'typeorm';
import { activityCredentials } from '../activities/credentials/activity-credentials';
import { createCollectionActivities } from './create-collection-activities';
import { eventsOn, outcomeOf, PlanRunTestbed, planRunInput, runToEnd, testPlan } from './test-support/plan-run-harness';

jest.setTimeout(180_000);

const C3560 = 'network/switch/cisco-c3560';
const MX960 = 'network/router/juniper-mx960-13-3r9-13';
const INSTANCE = uniqueInstanceName('planrun');
const TASK_QUEUE = `plan-run-int-spec-${randomUUID()}`;
/** The instance's secrets key, as the collector's vault has it. */
const BOX = new SecretBox(randomBytes(32));

let simulator: OwnSnmpSimulator;
let silent: Socket;
let testbed: PlanRunTestbed;
let dataSource: DataSource;
let store: InventoryStore;
let nc: NatsConnection;
let env: TestWorkflowEnvironment;

beforeAll(async () => {
  simulator = await OwnSnmpSimulator.start({ recordings: [C3560, MX960], subtrees: COLLECTED_SUBTREES });
  // A device that receives and never answers: what a filtered or dead agent looks like to SNMP.
  silent = createSocket('udp4');
  await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
  testbed = await PlanRunTestbed.open({ name: 'plan-run-int-spec', instance: INSTANCE, taskQueue: TASK_QUEUE, box: BOX });
  ({ dataSource, store, nc, env } = testbed);
}, 1_800_000); // The simulator's index lock may be held by another test file's simulator.

afterAll(async () => {
  await testbed?.close();
  silent?.close();
  await simulator?.dispose();
});

/** A worker for the duration of `work`. */
async function withWorker<T>(work: () => Promise<T>): Promise<T> {
  return (await testbed.worker()).runUntil(work);
}

describe('a plan run of two simulated devices and a silent one', () => {
  let siteId: string;
  const ids: Record<'switch' | 'router' | 'silent' | 'afterSilent', string> = { switch: '', router: '', silent: '', afterSilent: '' };

  beforeAll(async () => {
    // As the API writes them: sealed with the instance's key, opened by the vault inside the activity.
    const sets = new CredentialSetStore(dataSource, BOX);
    await sets.create({ name: 'c3560-v2c', kind: 'snmp_v2c', community: simulator.communityFor(C3560) });
    await sets.create({ name: 'mx960-v2c', kind: 'snmp_v2c', community: simulator.communityFor(MX960) });
    siteId = (await store.collections.sites.create({ name: 'Lab' })).id;
    const otherSiteId = (await store.collections.sites.create({ name: 'Elsewhere' })).id;
    const roleId = (await store.collections.deviceRoles.create({ name: 'Switch' })).id;
    const device = async (name: string, port: number, credentialsRef: string, site = siteId) =>
      (
        await store.collections.devices.create({
          name,
          siteId: site,
          roleId,
          status: 'active',
          primaryAddress: '127.0.0.1/32',
          management: { protocol: 'snmp', port, credentialsRef },
        })
      ).id;
    ids.switch = await device('lab-c3560', simulator.port, 'c3560-v2c');
    ids.router = await device('lab-mx960', simulator.port, 'mx960-v2c');
    ids.silent = await device('lab-silent', (silent.address() as { port: number }).port, 'c3560-v2c');
    // Not in the plan's site: never collected.
    await device('elsewhere-c3560', simulator.port, 'c3560-v2c', otherSiteId);
    // Goes after lab-silent (devices go by name) where a test names it.
    ids.afterSilent = await device('zz-after-silent', simulator.port, 'c3560-v2c', otherSiteId);
    // What the inventory already says about the switch: one interface as it is, one as it was, one long gone.
    await store.collections.interfaces.create({ deviceId: ids.switch, name: 'Vl2', type: 'virtual', enabled: true, mtu: 1500, speed: 1_000_000, macAddress: 'e8:04:62:78:f2:41', description: '', ifIndex: 2 });
    await store.collections.interfaces.create({ deviceId: ids.switch, name: 'Nu0', type: 'ethernet', enabled: true, ifIndex: 10501 });
    await store.collections.interfaces.create({ deviceId: ids.switch, name: 'Gi9/9', type: 'ethernet', enabled: true });
  });

  const plan = (): PlanSettings =>
    testPlan({
      planId: 'plan-lab',
      planName: 'Lab',
      collectorTypes: ['facts', 'interfaces', 'lldp'],
      filter: { sites: [siteId] },
      deviceTimeoutSeconds: 4,
      devicesAtOnce: 2,
      deviceRetry: { maximumAttempts: 2, initialIntervalSeconds: 0 },
    });

  it('collects the two that answer, fails the silent one alone with SNMP_TIMEOUT, and ends failed with the result', async () => {
    const { runId, outcome } = await withWorker(() => runToEnd(env, TASK_QUEUE, planRunInput(plan())));

    expect(outcome).toMatchObject({ status: 'failed', failureCount: 1 });
    const result = outcome.result as unknown as CollectFactsResult;
    expect(result).toMatchObject({ reportId: runId, devices: 3, collected: 2, failed: 1 });
    expect(result.failedDevices).toEqual([{ id: ids.silent, name: 'lab-silent', code: 'SNMP_TIMEOUT', message: expect.stringContaining('no answer') }]);

    const facts = (await eventsOn(nc, streamNamesFor(INSTANCE).facts, `${INSTANCE}.facts.${runId}.`)) as FactsEvent[];
    const opened = facts.find((event) => event.type === 'facts.report_opened');
    expect(opened?.data).toMatchObject({ runId, planId: 'plan-lab', detectOnly: true, collectorTypes: ['facts', 'interfaces', 'lldp'] });
    expect(opened?.data.devices.map((device) => device.name).sort()).toEqual(['lab-c3560', 'lab-mx960', 'lab-silent']);

    const detected = facts.filter((event) => event.type === 'facts.entries_detected').map((event) => event.data as FactsEntriesDetectedData);
    const entriesOf = (deviceId: string) => detected.filter((data) => data.deviceId === deviceId).flatMap((data) => data.entries);
    expect(new Set(detected.map((data) => data.deviceId))).toEqual(new Set([ids.switch, ids.router]));
    const switchEntries = entriesOf(ids.switch);
    const byKey = (key: string) => switchEntries.find((entry) => entry.objectType === 'interface' && entry.key === key);
    expect(byKey('Vl2')).toMatchObject({ action: 'confirmed', deviceName: 'lab-c3560' });
    expect(byKey('Nu0')).toMatchObject({ action: 'changed', detected: expect.objectContaining({ type: 'other' }), current: expect.objectContaining({ type: 'ethernet' }) });
    expect(byKey('Gi9/9')).toMatchObject({ action: 'stale', detected: null });
    expect(byKey('Gi0/1')).toMatchObject({ action: 'new', objectId: null, current: null });
    expect(switchEntries.find((entry) => entry.objectType === 'device')).toMatchObject({ action: 'changed', detected: expect.objectContaining({ serial: 'FOC1408Z61U', model: 'WS-C3560G-48TS-E' }) });
    expect(entriesOf(ids.router).find((entry) => entry.objectType === 'device')?.detected).toMatchObject({ vendor: 'Juniper Networks' });
    // Every entry once: deterministic ids, no part published twice.
    const allEntries = detected.flatMap((data) => data.entries);
    expect(new Set(allEntries.map((entry) => entry.id)).size).toBe(allEntries.length);
    const counted = result.entries.new + result.entries.changed + result.entries.confirmed + result.entries.stale;
    expect(allEntries).toHaveLength(counted);

    expect(facts.filter((event) => event.type === 'facts.device_failed').map((event) => event.data)).toEqual([
      { deviceId: ids.silent, deviceName: 'lab-silent', code: 'SNMP_TIMEOUT', message: expect.any(String) },
    ]);
    const closed = facts.filter((event) => event.type === 'facts.report_closed');
    expect(closed.map((event) => event.data)).toEqual([{ closedAt: expect.any(String), devicesCollected: 2, devicesFailed: 1, entries: counted }]);
    expect(facts.at(-1)?.type).toBe('facts.report_closed');

    const runEvents = await eventsOn(nc, streamNamesFor(INSTANCE).runs, `${INSTANCE}.run.${runId}.`);
    expect(runEvents.filter((event) => event.type === 'run.step_started').map((event) => event.data)).toEqual([{ step: 'run', attempt: 1, maxAttempts: 1, worker: 'plan-run-int-spec' }]);
    const progress = runEvents.filter((event) => event.type === 'run.progress').map((event) => event.data);
    expect(progress.at(-1)).toEqual({ total: 3, done: 3, failed: 1 });
    const logs = runEvents.filter((event) => event.type === 'run.log').map((event) => event.data as RunLogData);
    const groupings = new Set(logs.map((log) => log.grouping));
    expect(groupings).toEqual(new Set(['lab-c3560', 'lab-mx960', 'lab-silent']));
    for (const log of logs) {
      const id = log.grouping === 'lab-c3560' ? ids.switch : log.grouping === 'lab-mx960' ? ids.router : ids.silent;
      expect(log.object).toEqual({ type: 'device', id, display: log.grouping, url: `/api/inventory/devices/${id}` });
    }
    const silentLog = logs.filter((log) => log.grouping === 'lab-silent');
    expect(silentLog.filter((log) => log.level === 'warning' && /SNMP_TIMEOUT/.test(log.message)).map((log) => log.attempt)).toEqual([1, 2]);
    expect(silentLog.filter((log) => log.level === 'failure')).toHaveLength(1);
    expect(logs.filter((log) => log.level === 'success').map((log) => log.grouping).sort()).toEqual(['lab-c3560', 'lab-mx960']);
    expect(runEvents.at(-1)).toMatchObject({ type: 'run.failed', data: { failureCount: 1 } });
  });

  it('collects only the given devices of the plan when the run names some', async () => {
    const input = planRunInput(plan());
    const data = { ...input.data, deviceIds: [ids.router] };
    const { outcome } = await withWorker(() => runToEnd(env, TASK_QUEUE, { ...input, data }));
    expect(outcome).toMatchObject({ status: 'completed', result: { devices: 1, collected: 1, failed: 0, failedDevices: [] } });
  });

  it('ends a run whose data is not a plan snapshot errored, saying why', async () => {
    const input = planRunInput(plan());
    const { outcome } = await withWorker(() => runToEnd(env, TASK_QUEUE, { ...input, data: { plan: { ...plan(), devicesAtOnce: 0 } } as unknown as JsonObject }));
    expect(outcome).toMatchObject({ status: 'errored', error: { type: 'InvalidPlanRunData', message: expect.stringContaining('plan.devicesAtOnce'), step: 'run' } });
  });

  it('cancelled mid-plan: stops the devices in flight, starts no more, still closes the report and ends cancelled', async () => {
    // The silent device first and alone in flight, with a long timeout: the cancel finds it collecting.
    const input = planRunInput({ ...plan(), deviceTimeoutSeconds: 120, devicesAtOnce: 1, filter: { devices: [ids.afterSilent, ids.silent] } });
    const cancelled = await withWorker(async () => {
      const handle = await env.client.workflow.start(RUN_WORKFLOW_TYPE, { args: [input], taskQueue: TASK_QUEUE, workflowId: workflowIdForRun(input.runId) });
      await waitFor(
        async () => (await eventsOn(nc, streamNamesFor(INSTANCE).runs, `${INSTANCE}.run.${input.runId}.log`)).find((event) => (event.data as RunLogData).grouping === 'lab-silent') ?? undefined,
        30_000,
        'the silent device to start collecting',
      );
      await handle.cancel();
      return handle.result().then(
        () => null,
        (error: unknown) => error,
      );
    });
    expect(cancelled).toBeInstanceOf(WorkflowFailedError);
    expect((cancelled as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);

    const facts = (await eventsOn(nc, streamNamesFor(INSTANCE).facts, `${INSTANCE}.facts.${input.runId}.`)) as FactsEvent[];
    expect(facts.filter((event) => event.type === 'facts.entries_detected')).toEqual([]);
    expect(facts.at(-1)).toMatchObject({ type: 'facts.report_closed', data: { devicesCollected: 0, devicesFailed: 0, entries: 0 } });
    const runEvents = await eventsOn(nc, streamNamesFor(INSTANCE).runs, `${INSTANCE}.run.${input.runId}.`);
    expect(runEvents.at(-1)).toMatchObject({ type: 'run.cancelled', data: { result: { devices: 2, collected: 0, failed: 0 }, step: 'run' } });
    // The device after it was never started: no log line of its own.
    expect(runEvents.some((event) => event.type === 'run.log' && (event.data as RunLogData).grouping === 'zz-after-silent')).toBe(false);
    expect(runEvents.filter((event) => event.type === 'run.log').map((event) => (event.data as RunLogData).message)).toContainEqual(
      'Collection of lab-silent stopped: the run was cancelled or ran out of time',
    );
  });

  it('timed out mid-plan: the run timeout cuts the device in flight off, closes the report and ends timed_out', async () => {
    const input = { ...planRunInput({ ...plan(), deviceTimeoutSeconds: 120, filter: { devices: [ids.silent] } }), runTimeoutSeconds: 3 };
    const { outcome } = await withWorker(() => runToEnd(env, TASK_QUEUE, input));
    expect(outcome).toMatchObject({ status: 'timed_out', result: { devices: 1, collected: 0, failed: 0 }, error: { type: 'RunTimeout', step: 'run' } });
    const facts = (await eventsOn(nc, streamNamesFor(INSTANCE).facts, `${INSTANCE}.facts.${input.runId}.`)) as FactsEvent[];
    expect(facts.map((event) => event.type)).toEqual(['facts.report_opened', 'facts.report_closed']);
  });

  it('a worker gone mid-plan: the next one carries on without collecting a finished device again', async () => {
    const input = planRunInput({ ...plan(), devicesAtOnce: 1, deviceRetry: { maximumAttempts: 2, initialIntervalSeconds: 0 } });
    const logsOf = async (grouping: string) =>
      (await eventsOn(nc, streamNamesFor(INSTANCE).runs, `${INSTANCE}.run.${input.runId}.log`)).map((event) => event.data as RunLogData).filter((log) => log.grouping === grouping);
    const first = await testbed.worker();
    const firstRunning = first.run();
    const handle = await env.client.workflow.start(RUN_WORKFLOW_TYPE, { args: [input], taskQueue: TASK_QUEUE, workflowId: workflowIdForRun(input.runId) });
    // The switch (first by name) is collected; the router is next.
    await waitFor(async () => ((await logsOf('lab-c3560')).some((log) => log.level === 'success') ? true : undefined), 30_000, 'the switch to be collected');
    first.shutdown();
    await firstRunning;

    const outcome = await withWorker(() => outcomeOf(handle));
    expect(outcome).toMatchObject({ status: 'failed', failureCount: 1, result: { devices: 3, collected: 2, failed: 1 } });
    // The switch's collection ran once: one success, every entry of its one attempt.
    const switchLog = await logsOf('lab-c3560');
    expect(switchLog.filter((log) => log.level === 'success')).toHaveLength(1);
    expect(new Set(switchLog.map((log) => log.attempt))).toEqual(new Set([1]));
    const history = await handle.fetchHistory();
    const scheduled = (history.events ?? []).filter((event) => event.activityTaskScheduledEventAttributes?.activityType?.name === 'collectDevice');
    expect(scheduled).toHaveLength(3);
  });

  it('apply mode: applies the report once its devices are done, as the run\'s actor; the next run finds it all confirmed', async () => {
    const applyPlan = (): PlanSettings => ({ ...plan(), collectorTypes: ['facts', 'interfaces', 'ip_addresses', 'arp'], detectOnly: false });
    const input = { ...planRunInput(applyPlan()), runAs: 'bob' };
    const { runId, outcome } = await withWorker(() => runToEnd(env, TASK_QUEUE, { ...input, data: { ...input.data, deviceIds: [ids.switch] } }));

    expect(outcome).toMatchObject({ status: 'completed', result: { devices: 1, collected: 1, failed: 0 } });
    const result = outcome.result as unknown as CollectFactsResult;
    const facts = (await eventsOn(nc, streamNamesFor(INSTANCE).facts, `${INSTANCE}.facts.${runId}.`)) as FactsEvent[];
    const entries = facts.flatMap((event) => (event.type === 'facts.entries_detected' ? (event.data as FactsEntriesDetectedData).entries : []));
    const resolutions = facts.filter((event) => event.type === 'facts.entries_resolved').map((event) => event.data as FactsEntriesResolvedData);
    const outcomes = resolutions.flatMap((data) => data.entries);
    // Every entry resolved once, by the run's actor, before the report closed.
    expect(entries.length).toBeGreaterThan(0);
    expect(outcomes.map((entry) => entry.id).sort()).toEqual(entries.map((entry) => entry.id).sort());
    expect(new Set(resolutions.map((data) => data.resolvedBy))).toEqual(new Set(['bob']));
    expect(facts.map((event) => event.type).slice(-2)).toEqual(['facts.entries_resolved', 'facts.report_closed']);
    const failed = outcomes.filter((entry) => entry.status === 'failed');
    expect(failed).toEqual([]);
    expect(result).toMatchObject({ applied: entries.length, applyFailed: 0 });

    // The inventory holds what was collected: the switch's interfaces (the one gone deleted), and its addresses on them (named when new).
    const interfaces = (await store.collections.interfaces.find({ device: ids.switch }, { limit: 1000 })).items as Array<{ id: string; name: string }>;
    const collectedInterfaces = entries.filter((entry) => entry.objectType === 'interface' && entry.action !== 'stale');
    expect(interfaces.map((record) => record.name).sort()).toEqual(collectedInterfaces.map((entry) => entry.key).sort());
    expect(interfaces.map((record) => record.name)).not.toContain('Gi9/9');
    const onNewInterface = entries.find((entry) => entry.objectType === 'ip_address' && entry.detected?.interfaceId === null && typeof entry.detected?.interfaceName === 'string');
    expect(onNewInterface).toBeDefined();
    const address = (await store.collections.ipAddresses.get(outcomes.find((entry) => entry.id === onNewInterface?.id)?.objectId as string)) as { interfaceId: string | null } | null;
    expect(address?.interfaceId).toBe(interfaces.find((record) => record.name === onNewInterface?.detected?.interfaceName)?.id);

    const logs = (await eventsOn(nc, streamNamesFor(INSTANCE).runs, `${INSTANCE}.run.${runId}.log`)).map((event) => event.data as RunLogData).filter((log) => log.grouping === 'apply');
    expect(logs.at(-1)).toMatchObject({ level: 'success', message: `Applied ${entries.length} of ${entries.length} entries of facts report ${runId}` });

    // A retried apply finds every entry resolved and applies nothing again.
    const activities = createCollectionActivities({
      publisher: new EventPublisher(nc),
      nc,
      instance: INSTANCE,
      workerId: 'plan-run-int-spec',
      inventory: store,
      credentials: activityCredentials(new CredentialVault(dataSource, BOX)),
      logDelivery: { limits: { maxEntries: 10_000, maxBytes: 8 * 1024 * 1024, giveUpAfterMs: 10_000 }, natsAddress: testDependencies.natsUrl },
    });
    const scope = { runId, requestedBy: input.requestedBy, correlationId: input.correlationId };
    const again = await new MockActivityEnvironment().run(activities.applyFactsReport, { scope, actor: 'bob' });
    expect(again).toEqual({ applied: entries.length, failed: 0, earlier: true });
    expect((await eventsOn(nc, streamNamesFor(INSTANCE).facts, `${INSTANCE}.facts.${runId}.entries_resolved`)).length).toBe(resolutions.length);
    expect((await store.collections.interfaces.find({ device: ids.switch }, { limit: 1000 })).items).toHaveLength(interfaces.length);

    // The same plan again: everything it applied is there as collected, and what was stale is gone.
    const second = await withWorker(() => runToEnd(env, TASK_QUEUE, { ...planRunInput(applyPlan()), data: { ...input.data, deviceIds: [ids.switch] } }));
    const stale = entries.filter((entry) => entry.action === 'stale').length;
    expect(stale).toBeGreaterThan(0);
    expect(second.outcome).toMatchObject({ status: 'completed', result: { entries: { new: 0, changed: 0, stale: 0, confirmed: entries.length - stale } } });
  });
});

describe("a plan run whose connection target falls back from the primary address to the out-of-band one", () => {
  /** The primary address: 127.0.0.2 on the simulator's port, where a filtered agent swallows every request. */
  let deadPrimary: Socket;
  let siteId: string;
  const ids: Record<'fallsBack' | 'primaryAnswers' | 'noAddress', string> = { fallsBack: '', primaryAnswers: '', noAddress: '' };

  beforeAll(async () => {
    deadPrimary = createSocket('udp4');
    await new Promise<void>((resolve) => deadPrimary.bind(simulator.port, '127.0.0.2', resolve));
    await new CredentialSetStore(dataSource, BOX).create({ name: 'oob-c3560-v2c', kind: 'snmp_v2c', community: simulator.communityFor(C3560) });
    siteId = (await store.collections.sites.create({ name: 'Out-of-band lab' })).id;
    const roleId = (await store.collections.deviceRoles.create({ name: 'Out-of-band switch' })).id;
    const device = async (name: string, addresses: { primaryAddress: string | null; oobAddress: string | null }) =>
      (await store.collections.devices.create({ name, siteId, roleId, ...addresses, management: { protocol: 'snmp', port: simulator.port, credentialsRef: 'oob-c3560-v2c' } })).id;
    ids.fallsBack = await device('oob-falls-back', { primaryAddress: '127.0.0.2/32', oobAddress: '127.0.0.1/32' });
    ids.primaryAnswers = await device('oob-primary-answers', { primaryAddress: '127.0.0.1/32', oobAddress: '127.0.0.2/32' });
    ids.noAddress = await device('oob-without-addresses', { primaryAddress: null, oobAddress: null });
  });

  afterAll(() => deadPrimary?.close());

  it('collects the device whose primary does not answer on its out-of-band address, says so in its log, and fails the one without addresses alone', async () => {
    const plan = testPlan({
      planId: 'plan-oob',
      planName: 'Out-of-band lab',
      collectorTypes: ['facts'],
      filter: { sites: [siteId] },
      connectionTarget: 'primary_then_oob',
      // The dead primary costs half of it (two requests of a quarter each), the out-of-band collection the rest.
      deviceTimeoutSeconds: 12,
      devicesAtOnce: 3,
    });
    const { runId, outcome } = await withWorker(() => runToEnd(env, TASK_QUEUE, planRunInput(plan)));

    expect(outcome).toMatchObject({ status: 'failed', failureCount: 1 });
    const result = outcome.result as unknown as CollectFactsResult;
    expect(result).toMatchObject({ devices: 3, collected: 2, failed: 1 });
    expect(result.failedDevices).toEqual([
      {
        id: ids.noAddress,
        name: 'oob-without-addresses',
        code: 'NO_ADDRESS',
        message: "Device oob-without-addresses has neither a primary nor an out-of-band address (the plan's connection target is primary_then_oob)",
      },
    ]);

    const facts = (await eventsOn(nc, streamNamesFor(INSTANCE).facts, `${INSTANCE}.facts.${runId}.`)) as FactsEvent[];
    const detected = facts.filter((event) => event.type === 'facts.entries_detected').map((event) => event.data as FactsEntriesDetectedData);
    const deviceFactsOf = (deviceId: string) => detected.filter((data) => data.deviceId === deviceId).flatMap((data) => data.entries).find((entry) => entry.objectType === 'device');
    // Both collected the simulated switch, whichever address answered.
    expect(deviceFactsOf(ids.fallsBack)?.detected).toMatchObject({ serial: 'FOC1408Z61U', model: 'WS-C3560G-48TS-E' });
    expect(deviceFactsOf(ids.primaryAnswers)?.detected).toMatchObject({ serial: 'FOC1408Z61U' });

    const logs = (await eventsOn(nc, streamNamesFor(INSTANCE).runs, `${INSTANCE}.run.${runId}.log`)).map((event) => event.data as RunLogData);
    const messagesOf = (grouping: string, level: string) => logs.filter((log) => log.grouping === grouping && log.level === level).map((log) => log.message);
    const port = simulator.port;
    expect(messagesOf('oob-falls-back', 'warning')).toEqual([
      `The primary address 127.0.0.2:${port} did not answer (GET from 127.0.0.2:${port}: no answer (Request timed out)); trying the out-of-band address 127.0.0.1:${port}`,
    ]);
    expect(messagesOf('oob-falls-back', 'info')).toContain(`Collecting facts from 127.0.0.1:${port} (out-of-band address) with credential set oob-c3560-v2c`);
    expect(messagesOf('oob-falls-back', 'success')).toHaveLength(1);
    // A primary that answers is used: the out-of-band address is never dialled.
    expect(messagesOf('oob-primary-answers', 'warning')).toEqual([]);
    expect(messagesOf('oob-primary-answers', 'info')).toContain(`Collecting facts from 127.0.0.1:${port} (primary address) with credential set oob-c3560-v2c`);
    expect(messagesOf('oob-without-addresses', 'success')).toEqual([]);
  });
});
