// `npm run bench:collect`: one plan run (collection.CollectFacts) over --devices simulated devices, in one process:
// the collector's run workflow (the built bundle) on a Temporal worker of its own, its collection activities against
// an inventory database of its own (Postgres), facts and run events on JetStream streams of an instance of its own,
// and snmpsim serving --recordings recordings of real devices (one port each of --simulators processes; the v2c
// community picks the recording), the devices spread over them round-robin. It prints the run's devices/s and each
// device's collection time (p50, p99: the collectDevice activity, SNMP, diff and publishing), then the simulators'
// ceiling in the same run: a bare client walking the same OIDs with the same max-repetitions, --at-once devices at a
// time, for --ceiling-devices devices: snmpbulkwalk where the machine has it, else a bare Node net-snmp client
// (collect/ceiling-clients.mjs; YARD_BENCH_NO_SNMPBULKWALK=1 picks it anyway). Everything it made is deleted after.
// Needs the shared Postgres, NATS and Temporal (127.0.0.1); installs snmpsim into .yard/snmpsim when missing, as
// `npm test` and `npm run stack:up` do.
// Rerun: npm run bench:collect [-- --devices 1000 --at-once 32 --types facts,interfaces --recordings 4 --simulators 1 --ceiling-devices 200]
import { randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from '../stack/install.mjs';
import { ensureSnmpsim } from '../stack/snmpsim.mjs';
import { ceilingClient, INSTALL_HINT, NO_SNMPBULKWALK_VARIABLE } from './collect/ceiling-clients.mjs';
import { percentile, planRunWorkflowInput, printPlanRun, runPlan, timedDevices } from './collect/plan-run-bench.mjs';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(`Usage: npm run bench:collect [-- options]

One plan run over simulated devices (snmpsim), then the simulators' ceiling measured by a bare SNMP client.

  --devices <n>          devices in the plan run (1000)
  --at-once <n>          devices collected at once, and walked at once for the ceiling (32)
  --types <a,b>          collector types (facts,interfaces)
  --recordings <n>       how many of the four recordings to serve, 1 to 4 (4)
  --simulators <n>       snmpsim processes (1)
  --ceiling-devices <n>  devices walked for the ceiling (200)

The ceiling client: snmpbulkwalk when it is on PATH, else a bare Node net-snmp client (the output says which).
${NO_SNMPBULKWALK_VARIABLE}=1 uses the Node client even where snmpbulkwalk is installed.
snmpbulkwalk: ${INSTALL_HINT}.
Needs Postgres, NATS and Temporal on 127.0.0.1 (npm run stack:up) and a build (npm run build); installs snmpsim when missing.`);
  process.exit(0);
}

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const deviceCount = Number(argument('devices', 1000));
const atOnce = Number(argument('at-once', 32));
const types = argument('types', 'facts,interfaces').split(',');
const recordingCount = Number(argument('recordings', 4));
const simulatorCount = Number(argument('simulators', 1));
const ceilingDevices = Number(argument('ceiling-devices', 200));
const require = createRequire(join(ROOT, 'package.json'));

// Recordings of real devices the library's tests hold exact values of (libs/snmp/src/recordings.int-spec.ts).
const RECORDINGS = ['network/switch/cisco-c3560', 'network/router/juniper-mx960-13-3r9-13', 'network/switch/cisco-n5000', 'network/switch/hpe-procurve-516733-b21'].slice(
  0,
  recordingCount,
);
// What the collectors of each type read, for the ceiling client: the very columns for `facts` and `interfaces` (libs/snmp's
// collectors walk only the columns they map, never counters), else the type's subtrees (COLLECTED_SUBTREES).
const entPhysical = (columns) => columns.map((column) => `1.3.6.1.2.1.47.1.1.1.1.${column}`);
const OIDS_OF = {
  facts: ['1.3.6.1.2.1.1', ...entPhysical([5, 10, 11, 12, 13])],
  interfaces: [...[2, 3, 4, 5, 6, 7, 8].map((column) => `1.3.6.1.2.1.2.2.1.${column}`), ...[1, 15, 18].map((column) => `1.3.6.1.2.1.31.1.1.1.${column}`)],
  ip_addresses: ['1.3.6.1.2.1.4.20', '1.3.6.1.2.1.4.34'],
  arp: ['1.3.6.1.2.1.4.22', '1.3.6.1.2.1.4.35'],
  ndp: ['1.3.6.1.2.1.4.35'],
  lldp: ['1.0.8802.1.1.2.1.3.7', '1.0.8802.1.1.2.1.4.1'],
  mac_table: ['1.3.6.1.2.1.17.1.4', '1.3.6.1.2.1.17.4.3', '1.3.6.1.2.1.17.7.1.2.2'],
  inventory: ['1.3.6.1.2.1.47.1.1.1'],
  cdp: ['1.3.6.1.4.1.9.9.23.1.2.1'],
  bgp: ['1.3.6.1.2.1.15'],
};

// The simulators' venv, installed as `npm run stack:up` installs it (a checkout that only ran `npm start` has none).
process.env.SNMPSIM_VENV ??= ensureSnmpsim();
const { COLLECT_FACTS_JOB_ID, RUN_WORKFLOW_TYPE, workflowIdForRun } = require('@yardmaster/contracts');
const { runPendingMigrations } = require('@yardmaster/database');
const { createInventoryDataSource, CredentialSetStore, CredentialVault, InventoryStore } = require('@yardmaster/inventory');
const { connectNats, ensureStreams, EventPublisher, RunStartClaims, SecretBox } = require('@yardmaster/messaging');
const { COLLECTED_SUBTREES } = require('@yardmaster/snmp');
const { createEmptyTestDatabase, deleteStreams, OwnSnmpSimulator } = require('@yardmaster/testing-core');
const { Client, Connection } = require('@temporalio/client');
const { DefaultLogger, NativeConnection, Runtime, Worker } = require('@temporalio/worker');
const dist = (file) => require(join(ROOT, 'apps/collector/dist', file));
const { createCollectionActivities } = dist('collection/create-collection-activities.js');
const { createPublishRunEvent } = dist('activities/publish-run-event.activity.js');
const { activityCredentials } = dist('activities/credentials/activity-credentials.js');
const { WORKFLOW_BUNDLE_PATH } = dist('worker/workflow-bundle.js');

const temporalAddress = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const natsUrl = process.env.YARD_NATS_URL ?? 'nats://127.0.0.1:4222';
const instance = `collect_${process.pid}`;
const taskQueue = `bench-collect-${process.pid}`;
const cleanups = [];
// Chosen first so the header says which client will set the ceiling; the same max-repetitions as the collectors.
const ceiling = ceilingClient({ maxRepetitions: 20, netSnmp: require('net-snmp') });

console.log(
  `Plan run benchmark: ${deviceCount} devices over ${RECORDINGS.length} recordings on ${simulatorCount} simulator(s), types ${types.join(',')}, ${atOnce} at once (${new Date().toISOString()})`,
);
console.log(`ceiling client: ${ceiling.describe}`);
try {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const simulators = [];
  for (let index = 0; index < simulatorCount; index++) {
    const simulator = await OwnSnmpSimulator.start({ recordings: RECORDINGS, subtrees: COLLECTED_SUBTREES });
    cleanups.push(() => simulator.dispose());
    simulators.push(simulator);
  }

  const database = await createEmptyTestDatabase();
  cleanups.push(() => database.drop());
  const dataSource = await createInventoryDataSource(database.url, 'bench-collect').initialize();
  cleanups.push(() => dataSource.destroy());
  await runPendingMigrations(dataSource);
  const store = new InventoryStore(dataSource);
  const box = new SecretBox(randomBytes(32));
  const sets = new CredentialSetStore(dataSource, box);
  for (const recording of RECORDINGS) await sets.create({ name: recording.replaceAll('/', '-'), kind: 'snmp_v2c', community: recording });
  const siteId = (await store.collections.sites.create({ name: 'Bench' })).id;
  const roleId = (await store.collections.deviceRoles.create({ name: 'Bench device' })).id;
  const devices = [];
  for (let index = 0; index < deviceCount; index++) {
    const recording = RECORDINGS[index % RECORDINGS.length];
    const simulator = simulators[Math.floor(index / RECORDINGS.length) % simulators.length];
    const name = `bench-${String(index).padStart(5, '0')}`;
    await store.collections.devices.create({
      name,
      siteId,
      roleId,
      primaryAddress: '127.0.0.1/32',
      management: { protocol: 'snmp', port: simulator.port, credentialsRef: recording.replaceAll('/', '-') },
    });
    devices.push({ recording, port: simulator.port });
  }

  const nc = await connectNats(natsUrl, `bench-collect-${instance}`);
  cleanups.push(async () => {
    await deleteStreams(nc, instance);
    await nc.close();
  });
  await ensureStreams(nc, instance);
  const publisher = new EventPublisher(nc);
  const logDelivery = { limits: { maxEntries: 10_000, maxBytes: 16 * 1024 * 1024, giveUpAfterMs: 300_000 }, natsAddress: natsUrl };
  const collection = createCollectionActivities({ publisher, nc, instance, workerId: 'bench', inventory: store, credentials: activityCredentials(new CredentialVault(dataSource, box)), logDelivery });
  const timing = timedDevices(collection.collectDevice, deviceCount);
  const connection = await NativeConnection.connect({ address: temporalAddress });
  cleanups.push(() => connection.close());
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowBundle: { codePath: WORKFLOW_BUNDLE_PATH },
    activities: { publishRunEvent: createPublishRunEvent({ publisher, instance, startClaims: await RunStartClaims.open(nc, instance) }), ...collection, collectDevice: timing.collectDevice },
    maxConcurrentActivityTaskExecutions: Math.max(atOnce * 2, 100),
    maxHeartbeatThrottleInterval: '500ms',
  });
  const clientConnection = await Connection.connect({ address: temporalAddress });
  cleanups.push(() => clientConnection.close());
  const client = new Client({ connection: clientConnection });

  const runId = randomUUID();
  const plan = {
    planId: 'bench',
    planName: 'Bench',
    collectorTypes: types,
    filter: { sites: [siteId] },
    credentialsRef: null,
    detectOnly: true,
    deviceTimeoutSeconds: 120,
    devicesAtOnce: atOnce,
    deviceRetry: { maximumAttempts: 1, initialIntervalSeconds: 1 },
  };
  const input = planRunWorkflowInput({ runId, jobId: COLLECT_FACTS_JOB_ID, plan, runTimeoutSeconds: 3600 });
  const run = await runPlan({ worker, client, taskQueue, input, workflowType: RUN_WORKFLOW_TYPE, workflowId: workflowIdForRun(runId) });
  printPlanRun({ run, devices: timing, deviceCount, memoryOf: 'worker, activities, SNMP sessions' });

  // The ceiling on the same simulators: what the agents give a bare client reading the same OIDs with the same
  // max-repetitions, as many devices at once.
  const oids = [...new Set(types.flatMap((type) => OIDS_OF[type] ?? []))];
  const sample = devices.slice(0, Math.min(ceilingDevices, devices.length));
  const walkMs = [];
  let values = 0;
  let failedWalks = 0;
  let next = 0;
  const walkStarted = performance.now();
  await Promise.all(
    Array.from({ length: atOnce }, async () => {
      while (next < sample.length) {
        const device = sample[next++];
        const began = performance.now();
        const walked = await ceiling.walkDevice({ host: '127.0.0.1', port: device.port, community: device.recording }, oids);
        values += walked.values;
        failedWalks += walked.failedWalks;
        walkMs.push(performance.now() - began);
      }
    }),
  );
  const walkSeconds = (performance.now() - walkStarted) / 1000;
  walkMs.sort((a, b) => a - b);
  console.log(
    `${ceiling.name} ceiling: ${sample.length} devices × ${oids.length} OIDs, ${atOnce} at once: ${walkSeconds.toFixed(1)} s, ` +
      `${(sample.length / walkSeconds).toFixed(1)} devices/s, ${Math.round(values / walkSeconds)} values/s (${values} values, ${failedWalks} walks failed); per device p50 ${percentile(walkMs, 50)?.toFixed(0)} ms, p99 ${percentile(walkMs, 99)?.toFixed(0)} ms`,
  );
  console.log(`the ceiling was set by ${ceiling.describe}`);
  console.log(`Rerun: npm run bench:collect -- --devices ${deviceCount} --at-once ${atOnce} --simulators ${simulatorCount} --types ${types.join(',')}`);
} finally {
  for (const cleanup of cleanups.reverse()) await Promise.resolve().then(cleanup).catch((error) => console.error(`cleanup: ${error}`));
}
