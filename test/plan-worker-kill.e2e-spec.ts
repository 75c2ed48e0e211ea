/**
 * Issue 13's promise that a worker killed mid-plan loses no device's work and repeats none already reported, through
 * the whole stack: two collectors serve the plan run's queue, snmpsim replays four recordings of real devices as 16
 * devices, and once some devices are done and some are in flight, the collector holding an in-flight device is
 * killed (SIGKILL: no drain, no goodbye to Temporal). The other collector must finish the plan: every device
 * collected once in the report and on the FACTS stream, and the devices Temporal had already seen finished never
 * collected again.
 */
import { jetstreamManager } from '@nats-io/jetstream';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { streamNamesFor, workflowIdForRun, type EventEnvelope, type FactsEntriesDetectedData, type FactsReportOpenedData } from '@yardmaster/contracts';
import { connectNats, type NatsConnection } from '@yardmaster/messaging';
import { COLLECTED_SUBTREES } from '@yardmaster/snmp';
import { OwnSnmpSimulator, testDependencies, waitFor } from '@yardmaster/testing';
import { uniqueSuffix } from './support/unique-names';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(240_000);

const SUFFIX = uniqueSuffix();
const RECORDINGS = {
  c3560: 'network/switch/cisco-c3560',
  n5000: 'network/switch/cisco-n5000',
  procurve: 'network/switch/hpe-procurve-516733-b21',
  mx960: 'network/router/juniper-mx960-13-3r9-13',
} as const;
type Model = keyof typeof RECORDINGS;
const MODELS = Object.keys(RECORDINGS) as Model[];
const DEVICES_PER_RECORDING = 4;
/** Every collector type the recordings answer: each device takes a few hundred SNMP requests, so the plan lasts. */
const COLLECTOR_TYPES = ['facts', 'interfaces', 'ip_addresses', 'arp', 'ndp', 'lldp', 'mac_table', 'inventory'];

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
/** A pending activity a worker has picked up and not finished. */
const STARTED = temporal.api.enums.v1.PendingActivityState.PENDING_ACTIVITY_STATE_STARTED;

interface Device {
  id: string;
  name: string;
  model: Model;
}

describe('a collector killed mid-plan: the other finishes it, no device lost, none collected twice', () => {
  let stack: YardmasterStack;
  let simulator: OwnSnmpSimulator;
  let nc: NatsConnection;
  let connection: Connection;
  let temporalClient: Client;
  const devices: Device[] = [];
  /** Entries per device of one device of each recording, collected by a run nobody disturbed. */
  const cleanEntries = new Map<Model, number>();
  let siteId: string;
  let roleId: string;

  async function send(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const { status, body: answer } = await stack.admin.request(method, path, body);
    return { status, body: answer };
  }

  function create(path: string, body: object): Promise<any> {
    return stack.admin.create(path, body);
  }

  async function createPlan(name: string, deviceIds: string[]): Promise<string> {
    const plan = await create('/api/collection-plans', {
      name,
      collectorTypes: COLLECTOR_TYPES,
      filter: { devices: deviceIds },
      detectOnly: true,
      deviceTimeoutSeconds: 60,
      // A device lost with its collector is retried (WORKER_LOST) on the other.
      deviceRetry: { maximumAttempts: 3, initialIntervalSeconds: 1 },
      devicesAtOnce: 2,
    });
    return plan.id;
  }

  async function startPlanRun(planId: string): Promise<string> {
    const accepted = await send('POST', `/api/collection-plans/${planId}/runs`, {});
    if (accepted.status !== 202) throw new Error(`plan run: ${accepted.status} ${JSON.stringify(accepted.body)}`);
    return accepted.body.runId;
  }

  async function closedReport(runId: string): Promise<any> {
    return waitFor(
      async () => {
        const { status, body } = await send('GET', `/api/facts-reports/${runId}`);
        // At least as many as the run said: a duplicate stored twice shows in the assertions, not as a timeout.
        return status === 200 && body.closedAt !== null && body.entries.total >= body.entries.expected ? body : undefined;
      },
      30_000,
      'the closed facts report with every entry',
    );
  }

  async function entryCountOf(reportId: string, deviceId: string): Promise<number> {
    const { status, body } = await send('GET', `/api/facts-reports/${reportId}/entries?deviceId=${deviceId}&limit=1`);
    if (status !== 200) throw new Error(`entries of ${deviceId}: ${status} ${JSON.stringify(body)}`);
    return body.total;
  }

  /** Every message on the FACTS stream under the report's subjects, as stored (a duplicate would be a second message). */
  async function factsEventsOf(reportId: string): Promise<EventEnvelope[]> {
    const jsm = await jetstreamManager(nc);
    const stream = streamNamesFor(stack.instance).facts;
    const { state } = await jsm.streams.info(stream);
    const prefix = `${stack.instance}.facts.${reportId}.`;
    const events: EventEnvelope[] = [];
    for (let seq = state.first_seq; seq <= state.last_seq; seq++) {
      const message = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
      if (message?.subject.startsWith(prefix)) events.push(JSON.parse(new TextDecoder().decode(message.data)) as EventEnvelope);
    }
    return events;
  }

  async function historyOf(runId: string): Promise<HistoryEvent[]> {
    const history = await temporalClient.workflow.getHandle(workflowIdForRun(runId)).fetchHistory();
    return history.events ?? [];
  }

  /** `collectDevice` activities by their scheduled event's id: the device each one collects. */
  function collectDeviceActivities(events: HistoryEvent[]): Map<string, { activityId: string; deviceId: string }> {
    const activities = new Map<string, { activityId: string; deviceId: string }>();
    for (const event of events) {
      const scheduled = event.activityTaskScheduledEventAttributes;
      if (scheduled?.activityType?.name !== 'collectDevice') continue;
      const input = JSON.parse(new TextDecoder().decode(scheduled.input?.payloads?.[0]?.data ?? new Uint8Array())) as { device: { id: string } };
      activities.set(String(event.eventId), { activityId: scheduled.activityId as string, deviceId: input.device.id });
    }
    return activities;
  }

  /** The devices whose collection Temporal recorded as completed: what a collector has reported. */
  function completedDevices(events: HistoryEvent[]): string[] {
    const activities = collectDeviceActivities(events);
    return events
      .filter((event) => event.activityTaskCompletedEventAttributes)
      .map((event) => activities.get(String(event.activityTaskCompletedEventAttributes?.scheduledEventId))?.deviceId)
      .filter((deviceId): deviceId is string => deviceId !== undefined);
  }

  beforeAll(async () => {
    stack = await YardmasterStack.start({
      // A killed collector's device moves on to the other collector after this (default 10 s).
      YARD_HEARTBEAT_TIMEOUT_SECONDS: '5',
      YARD_RECONCILE_INTERVAL_SECONDS: '5',
    });
    stack.startCollector('b');
    simulator = await OwnSnmpSimulator.start({ recordings: Object.values(RECORDINGS), subtrees: COLLECTED_SUBTREES });
    nc = await connectNats(testDependencies.natsUrl, 'plan-worker-kill-e2e');
    connection = await Connection.connect({ address: stack.dependencies.temporalAddress });
    temporalClient = new Client({ connection, namespace: testDependencies.temporalNamespace });

    siteId = (await create('/api/inventory/sites', { name: `Kill Lab ${SUFFIX}` })).id;
    roleId = (await create('/api/inventory/device-roles', { name: `Kill Role ${SUFFIX}` })).id;
    for (const model of MODELS) {
      await create('/api/credentials', { name: `${model}-v2c-${SUFFIX}`, kind: 'snmp_v2c', community: simulator.communityFor(RECORDINGS[model]) });
    }
    // Named so that the plan's order (by name) mixes the recordings.
    for (let index = 1; index <= DEVICES_PER_RECORDING; index++) {
      for (const model of MODELS) {
        const name = `kill-${SUFFIX}-${String(index).padStart(2, '0')}-${model}`;
        const device = await create('/api/inventory/devices', {
          name,
          siteId,
          roleId,
          primaryAddress: '127.0.0.1/32',
          management: { protocol: 'snmp', port: simulator.port, credentialsRef: `${model}-v2c-${SUFFIX}` },
        });
        devices.push({ id: device.id, name, model });
      }
    }

    // The reference: one device of each recording, collected while both collectors live.
    const references = MODELS.map((model) => devices.find((device) => device.model === model) as Device);
    const cleanRunId = await startPlanRun(await createPlan(`Kill Lab clean ${SUFFIX}`, references.map((device) => device.id)));
    const cleanRun = await stack.admin.waitForRunToEnd(cleanRunId, 120_000);
    expect(cleanRun).toMatchObject({ status: 'completed', progress: { total: MODELS.length, done: MODELS.length, failed: 0 } });
    await closedReport(cleanRunId);
    for (const device of references) cleanEntries.set(device.model, await entryCountOf(cleanRunId, device.id));
  }, 240_000);

  afterAll(async () => {
    await nc?.close();
    await connection?.close();
    await simulator?.dispose();
    await stack?.stop();
  });

  it('finishes every device once after the collector holding devices in flight is killed', async () => {
    const runId = await startPlanRun(await createPlan(`Kill Lab ${SUFFIX}`, devices.map((device) => device.id)));
    const total = devices.length;

    // Mid-plan: some devices done (the run's progress) and a collector holding one in flight (Temporal's view).
    const handle = temporalClient.workflow.getHandle(workflowIdForRun(runId));
    const moment = await waitFor(
      async () => {
        const { body: run } = await send('GET', `/api/runs/${runId}`);
        const done = run?.progress?.done ?? 0;
        if (done === 0 || done >= total - 2) return undefined;
        const { raw } = await handle.describe();
        const inFlight = (raw.pendingActivities ?? []).filter(
          (activity) => activity.activityType?.name === 'collectDevice' && activity.state === STARTED && activity.lastWorkerIdentity,
        );
        return inFlight.length > 0 ? { done, inFlight } : undefined;
      },
      90_000,
      'some devices done and some in flight',
      100,
    );
    // A collector's worker identity is `<collector id>/<task queue>`; the second collector's id is `b`.
    const holder = moment.inFlight[0].lastWorkerIdentity as string;
    const victim = holder.startsWith('b/') ? 'collector:b' : 'collector';
    const victimActivityIds = new Set(moment.inFlight.filter((activity) => activity.lastWorkerIdentity === holder).map((activity) => activity.activityId));
    const finishedBeforeKill = completedDevices(await historyOf(runId));
    await stack.service(victim).kill();
    expect(finishedBeforeKill.length).toBeGreaterThan(0);
    expect(finishedBeforeKill.length).toBeLessThan(total);

    const run = await stack.admin.waitForRunToEnd(runId, 150_000);
    expect(run).toMatchObject({
      status: 'completed',
      progress: { total, done: total, failed: 0 },
      result: { reportId: runId, devices: total, collected: total, failed: 0, failedDevices: [] },
    });

    // Temporal: each device completed exactly once; a device the killed collector held was started again elsewhere.
    const history = await historyOf(runId);
    const completed = completedDevices(history);
    expect([...completed].sort()).toEqual(devices.map((device) => device.id).sort());
    const activities = collectDeviceActivities(history);
    const retried = history
      .filter((event) => (event.activityTaskStartedEventAttributes?.attempt ?? 1) > 1)
      .map((event) => activities.get(String(event.activityTaskStartedEventAttributes?.scheduledEventId))?.activityId);
    expect(retried.some((activityId) => victimActivityIds.has(activityId as string))).toBe(true);

    // The report: every device once, collected, with the entries a clean run gives a device of its recording.
    const report = await closedReport(runId);
    expect(report).toMatchObject({ status: 'pending', devices: { total, collected: total, failed: 0 }, failedDevices: [] });
    const expectedTotal = devices.reduce((sum, device) => sum + (cleanEntries.get(device.model) as number), 0);
    expect(report.entries).toMatchObject({ total: expectedTotal, expected: expectedTotal });
    const countsByDevice = Object.fromEntries(await Promise.all(devices.map(async (device) => [device.name, await entryCountOf(runId, device.id)] as const)));
    expect(countsByDevice).toEqual(Object.fromEntries(devices.map((device) => [device.name, cleanEntries.get(device.model)])));

    // The FACTS stream: one report_opened naming each device once, each device's parts once, no failure, one close.
    const facts = await factsEventsOf(runId);
    const ofType = (type: string) => facts.filter((event) => event.type === type);
    expect(ofType('facts.report_opened')).toHaveLength(1);
    const opened = ofType('facts.report_opened')[0].data as unknown as FactsReportOpenedData;
    expect(opened.devices.map((device) => device.id).sort()).toEqual(devices.map((device) => device.id).sort());
    expect(ofType('facts.device_failed')).toEqual([]);
    expect(ofType('facts.report_closed')).toHaveLength(1);
    expect(new Set(facts.map((event) => event.id)).size).toBe(facts.length);
    const detected = ofType('facts.entries_detected').map((event) => event.data as unknown as FactsEntriesDetectedData);
    for (const device of devices) {
      const parts = detected.filter((data) => data.deviceId === device.id);
      expect({ device: device.name, parts: parts.map((data) => data.part).sort((a, b) => a - b) }).toEqual({
        device: device.name,
        parts: Array.from({ length: parts[0]?.parts ?? 1 }, (_, index) => index + 1),
      });
      expect(parts.reduce((sum, data) => sum + data.entries.length, 0)).toBe(cleanEntries.get(device.model));
    }
    const entryIds = detected.flatMap((data) => data.entries.map((entry) => entry.id));
    expect(new Set(entryIds).size).toBe(entryIds.length);

    // The devices finished before the kill were collected once: one success line in their log group, one attempt.
    const logs = await stack.admin.logsOf(runId);
    const byName = new Map(devices.map((device) => [device.id, device.name]));
    for (const deviceId of finishedBeforeKill) {
      const group = logs.filter((log) => log.grouping === byName.get(deviceId));
      expect({ device: byName.get(deviceId), successes: group.filter((log) => log.level === 'success').length, attempts: [...new Set(group.map((log) => log.attempt))] }).toEqual({
        device: byName.get(deviceId),
        successes: 1,
        attempts: [1],
      });
    }
    // And every device's group holds its success line.
    expect(new Set(logs.filter((log) => log.level === 'success').map((log) => log.grouping))).toEqual(new Set(devices.map((device) => device.name)));
  });
});
