// `npm run bench:ssh`: one collection plan over SSH (protocol `ssh`) across --devices fakenos devices on 127.0.0.1 (spread
// over cisco_ios, cisco_nxos, arista_eos, juniper_junos), in one process: the collector's run workflow (the built
// bundle) on a Temporal worker of its own, its collection activities with the collector's SSH access (libs/ssh
// sessions, host keys pinned in the inventory, ntc-templates parsing) against an inventory database of its own,
// facts and run events on JetStream streams of an instance of its own. It prints the run's devices/s, each device's
// collection time (p50, p99: the collectDevice activity: session, commands, parsing, diff and publishing), the
// process's memory as each quarter of the fleet is done, and the rerun command. Everything it made is deleted after.
// The driver alone, without plan or parsing, is `npm run bench:ssh-sessions`.
// Needs the shared Postgres, NATS and Temporal (127.0.0.1), fakenos and ntc-templates (`npm run stack:up` installs
// both), and a build (`npm run build`).
// Rerun: npm run bench:ssh [-- --devices 200 --at-once 20 --types facts,interfaces,lldp,inventory]
import { randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureFakenos } from '../stack/fakenos.mjs';
import { ROOT } from '../stack/install.mjs';
import { ensureNtcTemplates } from '../stack/ntc-templates.mjs';
import { planRunWorkflowInput, printPlanRun, runPlan, timedDevices } from './collect/plan-run-bench.mjs';

const { values } = parseArgs({
  options: {
    devices: { type: 'string', default: '200' },
    'at-once': { type: 'string', default: '20' },
    types: { type: 'string', default: 'facts,interfaces,lldp,inventory' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(`Usage: npm run bench:ssh [-- --devices 200 --at-once 20 --types facts,interfaces,lldp,inventory]

One collection plan over SSH across fakenos devices (the four platforms in turn); prints devices/s, p50/p99 per
device and memory. Needs Postgres, NATS and Temporal on 127.0.0.1 (npm run stack:up), fakenos and ntc-templates
(installed by npm run stack:up), and a build (npm run build).`);
  process.exit(0);
}
const deviceCount = Number(values.devices);
const atOnce = Number(values['at-once']);
const types = values.types.split(',').map((type) => type.trim());
if (!Number.isInteger(deviceCount) || deviceCount < 4 || !Number.isInteger(atOnce) || atOnce < 1 || atOnce > 256) {
  console.error('--devices is a whole number of 4 or more, --at-once one from 1 to 256');
  process.exit(2);
}

ensureFakenos();
ensureNtcTemplates();
const require = createRequire(join(ROOT, 'package.json'));
const { COLLECT_FACTS_JOB_ID, RUN_WORKFLOW_TYPE, workflowIdForRun } = require('@yardmaster/contracts');
const { runPendingMigrations } = require('@yardmaster/database');
const { createInventoryDataSource, CredentialSetStore, CredentialVault, DeviceHostKeyStore, InventoryStore } = require('@yardmaster/inventory');
const { connectNats, ensureStreams, EventPublisher, RunStartClaims, SecretBox } = require('@yardmaster/messaging');
const { SSH_DEFAULT_TIMEOUTS } = require('@yardmaster/ssh');
const { createEmptyTestDatabase, deleteStreams, OwnFakeDevices } = require('@yardmaster/testing-core');
const { DEFAULT_PARSE_DEADLINE_MS, openGuardedParser, openTemplateLibrary } = require('@yardmaster/textfsm');
const { Client, Connection } = require('@temporalio/client');
const { DefaultLogger, NativeConnection, Runtime, Worker } = require('@temporalio/worker');
const dist = (file) => require(join(ROOT, 'apps/collector/dist', file));
const { createCollectionActivities } = dist('collection/create-collection-activities.js');
const { openedOnce, sshCliAccess } = dist('collection/cli/ssh-cli-access.js');
const { createPublishRunEvent } = dist('activities/publish-run-event.activity.js');
const { activityCredentials } = dist('activities/credentials/activity-credentials.js');
const { WORKFLOW_BUNDLE_PATH } = dist('worker/workflow-bundle.js');

const temporalAddress = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const natsUrl = process.env.YARD_NATS_URL ?? 'nats://127.0.0.1:4222';
const instance = `sshbench_${process.pid}`;
const taskQueue = `bench-ssh-${process.pid}`;
const cleanups = [];

console.log(`SSH plan benchmark: ${deviceCount} fakenos devices, types ${types.join(',')}, ${atOnce} at once (${new Date().toISOString()})`);
try {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const fakes = await OwnFakeDevices.start({ perPlatform: Math.ceil(deviceCount / 4), namePrefix: 'bench' });
  cleanups.push(() => fakes.dispose());
  const targets = fakes.devices.slice(0, deviceCount);

  const database = await createEmptyTestDatabase();
  cleanups.push(() => database.drop());
  const dataSource = await createInventoryDataSource(database.url, 'bench-ssh').initialize();
  cleanups.push(() => dataSource.destroy());
  await runPendingMigrations(dataSource);
  const store = new InventoryStore(dataSource);
  const box = new SecretBox(randomBytes(32));
  await new CredentialSetStore(dataSource, box).create({ name: 'fakenos', kind: 'ssh', username: fakes.username, password: fakes.password });
  const siteId = (await store.collections.sites.create({ name: 'Bench' })).id;
  const roleId = (await store.collections.deviceRoles.create({ name: 'Bench device' })).id;
  const platformIds = {};
  for (const driver of new Set(targets.map((target) => target.platform))) platformIds[driver] = (await store.collections.platforms.create({ name: driver, networkDriver: driver })).id;
  for (const target of targets) {
    await store.collections.devices.create({
      name: target.name,
      siteId,
      roleId,
      platformId: platformIds[target.platform],
      primaryAddress: `${target.host}/32`,
      management: { protocol: 'ssh', port: target.port, credentialsRef: 'fakenos' },
    });
  }

  const nc = await connectNats(natsUrl, `bench-ssh-${instance}`);
  cleanups.push(async () => {
    await deleteStreams(nc, instance);
    await nc.close();
  });
  await ensureStreams(nc, instance);
  const publisher = new EventPublisher(nc);
  const logDelivery = { limits: { maxEntries: 10_000, maxBytes: 16 * 1024 * 1024, giveUpAfterMs: 300_000 }, natsAddress: natsUrl };
  // As the collector parses: on the guarded parser's thread (ssh-cli-access.provider.ts).
  const parser = openGuardedParser(null, DEFAULT_PARSE_DEADLINE_MS);
  cleanups.push(() => parser.close());
  const cli = sshCliAccess({ hostKeys: new DeviceHostKeyStore(dataSource), timeouts: SSH_DEFAULT_TIMEOUTS, templates: openedOnce(() => openTemplateLibrary(null)), parser: () => parser });
  const collection = createCollectionActivities({ publisher, nc, instance, workerId: 'bench', inventory: store, credentials: activityCredentials(new CredentialVault(dataSource, box)), logDelivery, cli });
  const devices = timedDevices(collection.collectDevice, deviceCount);
  const connection = await NativeConnection.connect({ address: temporalAddress });
  cleanups.push(() => connection.close());
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowBundle: { codePath: WORKFLOW_BUNDLE_PATH },
    activities: { publishRunEvent: createPublishRunEvent({ publisher, instance, startClaims: await RunStartClaims.open(nc, instance) }), ...collection, collectDevice: devices.collectDevice },
    maxConcurrentActivityTaskExecutions: Math.max(atOnce * 2, 100),
    maxHeartbeatThrottleInterval: '500ms',
  });
  const clientConnection = await Connection.connect({ address: temporalAddress });
  cleanups.push(() => clientConnection.close());
  const client = new Client({ connection: clientConnection });

  const runId = randomUUID();
  const plan = {
    planId: 'bench-ssh',
    planName: 'Bench over SSH',
    collectorTypes: types,
    filter: { sites: [siteId] },
    credentialsRef: null,
    connectionTarget: 'primary',
    protocol: 'ssh',
    detectOnly: true,
    deviceTimeoutSeconds: 300,
    devicesAtOnce: atOnce,
    deviceRetry: { maximumAttempts: 1, initialIntervalSeconds: 1 },
  };
  const input = planRunWorkflowInput({ runId, jobId: COLLECT_FACTS_JOB_ID, plan, runTimeoutSeconds: 7200 });
  const run = await runPlan({ worker, client, taskQueue, input, workflowType: RUN_WORKFLOW_TYPE, workflowId: workflowIdForRun(runId) });
  printPlanRun({ run, devices, deviceCount, memoryOf: 'worker, activities, SSH sessions, templates' });
  console.log(`Rerun: npm run bench:ssh -- --devices ${deviceCount} --at-once ${atOnce} --types ${types.join(',')}`);
} finally {
  for (const cleanup of cleanups.reverse()) await Promise.resolve().then(cleanup).catch((error) => console.error(`cleanup: ${error}`));
}
