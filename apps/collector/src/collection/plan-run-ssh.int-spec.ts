/**
 * A plan run over SSH end to end on the collector's side: the run workflow on a real Temporal worker, the collection
 * activities against a real Postgres inventory, an `ssh` credential set opened through the vault, host keys pinned in
 * the inventory, and four fake devices (fakenos: cisco_ios, cisco_nxos, arista_eos, juniper_junos) answering over
 * real SSH on 127.0.0.1 with real devices' output, parsed by ntc-templates 9.2.0. Each platform's facts land in the
 * report with the values its fake device prints. A device with a platform SSH does not know fails alone.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import {
  streamNamesFor,
  type CollectFactsResult,
  type FactsEntriesDetectedData,
  type FactsEntry,
  type FactsEvent,
  type RunLogData,
} from '@yardmaster/contracts';
import { JobRegistry, type JobContext } from '@yardmaster/job-sdk';
import { CredentialSetStore, CredentialVault, DeviceHostKeyStore, type InventoryStore } from '@yardmaster/inventory';
import { SecretBox, type NatsConnection } from '@yardmaster/messaging';
import { SSH_DEFAULT_TIMEOUTS } from '@yardmaster/ssh';
import { OwnFakeDevices, uniqueInstanceName } from '@yardmaster/testing';
import { openTemplateLibrary } from '@yardmaster/textfsm';
import type { DataSource } from 'typeorm';
import { openedOnce, sshCliAccess } from './cli/ssh-cli-access';
import { devicesJobModule } from '../jobs/devices/run-command.job';
import { eventsOn, PlanRunTestbed, planRunInput, runToEnd, testPlan } from './test-support/plan-run-harness';

jest.setTimeout(300_000);

const INSTANCE = uniqueInstanceName('sshplan');
const TASK_QUEUE = `plan-run-ssh-int-spec-${randomUUID()}`;
const BOX = new SecretBox(randomBytes(32));

let devices: OwnFakeDevices;
let testbed: PlanRunTestbed;
let dataSource: DataSource;
let store: InventoryStore;
let nc: NatsConnection;
let env: TestWorkflowEnvironment;

beforeAll(async () => {
  devices = await OwnFakeDevices.start({ namePrefix: 'ssh-plan' });
  testbed = await PlanRunTestbed.open({ name: 'plan-run-ssh-int-spec', instance: INSTANCE, taskQueue: TASK_QUEUE, box: BOX });
  ({ dataSource, store, nc, env } = testbed);
}, 600_000);

afterAll(async () => {
  await testbed?.close();
  await devices?.dispose();
});

/** A port on 127.0.0.1 where nothing listens: a connection to it is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function createWorker(): Promise<Worker> {
  return testbed.worker(sshCliAccess({ hostKeys: new DeviceHostKeyStore(dataSource), timeouts: SSH_DEFAULT_TIMEOUTS, templates: openedOnce(() => openTemplateLibrary(null)) }));
}

describe('a plan run over SSH of one fake device per platform', () => {
  const ids: Record<string, string> = {};
  let siteId: string;
  let entries: FactsEntry[];
  let result: CollectFactsResult;
  let warnings: string[];

  beforeAll(async () => {
    const sets = new CredentialSetStore(dataSource, BOX);
    await sets.create({ name: 'fake-ssh', kind: 'ssh', username: devices.username, password: devices.password });
    siteId = (await store.collections.sites.create({ name: 'SSH lab' })).id;
    const roleId = (await store.collections.deviceRoles.create({ name: 'Router' })).id;
    const platformIds: Record<string, string> = {};
    for (const driver of ['cisco_ios', 'cisco_nxos', 'arista_eos', 'juniper_junos', 'huawei_vrp']) {
      platformIds[driver] = (await store.collections.platforms.create({ name: driver, networkDriver: driver })).id;
    }
    for (const device of devices.devices) {
      ids[device.platform] = (
        await store.collections.devices.create({
          name: device.name,
          siteId,
          roleId,
          platformId: platformIds[device.platform],
          status: 'active',
          primaryAddress: `${device.host}/32`,
          management: { protocol: 'ssh', port: device.port, credentialsRef: 'fake-ssh' },
        })
      ).id;
    }
    // The same fake IOS device with a wrong password, and a port where nothing listens: each fails alone.
    await sets.create({ name: 'wrong-ssh', kind: 'ssh', username: devices.username, password: 'not-the-password' });
    const iosFake = devices.devices.find((device) => device.platform === 'cisco_ios')!;
    const addDevice = async (name: string, port: number, credentialsRef: string) =>
      (
        await store.collections.devices.create({
          name,
          siteId,
          roleId,
          platformId: platformIds.cisco_ios,
          status: 'active',
          primaryAddress: `${iosFake.host}/32`,
          management: { protocol: 'ssh', port, credentialsRef },
        })
      ).id;
    ids.wrongPassword = await addDevice('zz-wrong-password', iosFake.port, 'wrong-ssh');
    ids.deadPort = await addDevice('zz-dead-port', await closedPort(), 'fake-ssh');
    // The same fake IOS device, but the inventory says it runs a platform SSH collection does not know.
    const ios = devices.devices.find((device) => device.platform === 'cisco_ios')!;
    ids.unknown = (
      await store.collections.devices.create({
        name: 'zz-unknown-platform',
        siteId,
        roleId,
        platformId: platformIds.huawei_vrp,
        status: 'active',
        primaryAddress: `${ios.host}/32`,
        management: { protocol: 'ssh', port: ios.port, credentialsRef: 'fake-ssh' },
      })
    ).id;

    const plan = testPlan({
      planId: 'plan-ssh',
      planName: 'SSH lab',
      collectorTypes: ['facts', 'interfaces', 'ip_addresses', 'arp', 'lldp', 'mac_table', 'inventory', 'bgp'],
      filter: { sites: [siteId] },
      protocol: 'ssh',
      deviceTimeoutSeconds: 120,
    });
    const input = planRunInput(plan, { runTimeoutSeconds: 280, stepTimeoutSeconds: 270 });
    const { outcome } = await (await createWorker()).runUntil(() => runToEnd(env, TASK_QUEUE, input));
    result = outcome.result as unknown as CollectFactsResult;
    const facts = (await eventsOn(nc, streamNamesFor(INSTANCE).facts, `${INSTANCE}.facts.${input.runId}.`)) as FactsEvent[];
    warnings = (await eventsOn(nc, streamNamesFor(INSTANCE).runs, `${INSTANCE}.run.${input.runId}.log`))
      .map((event) => event.data as RunLogData)
      .filter((log) => log.level === 'warning')
      .map((log) => `${log.grouping}: ${log.message}`);
    entries = facts.filter((event) => event.type === 'facts.entries_detected').flatMap((event) => (event.data as FactsEntriesDetectedData).entries);
  }, 300_000);

  const of = (platform: string, objectType: string) => entries.filter((entry) => entry.deviceId === ids[platform] && entry.objectType === objectType);
  const deviceFacts = (platform: string) => of(platform, 'device')[0]?.detected;

  it('collects the four platforms, and fails alone a wrong password, a dead port and an unknown platform, each naming its cause', () => {
    expect(result).toMatchObject({ devices: 7, collected: 4, failed: 3 });
    expect([...result.failedDevices].sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { id: ids.deadPort, name: 'zz-dead-port', code: 'SSH_CONNECTION_REFUSED', message: expect.stringContaining('127.0.0.1') },
      { id: ids.unknown, name: 'zz-unknown-platform', code: 'UNSUPPORTED_PLATFORM', message: expect.stringContaining('huawei_vrp') },
      { id: ids.wrongPassword, name: 'zz-wrong-password', code: 'SSH_AUTH_FAILED', message: expect.stringContaining(devices.username) },
    ]);
  });

  it('reads each device\'s facts as its fake device prints them', () => {
    const ios = devices.devices.find((device) => device.platform === 'cisco_ios')!;
    // fakenos prints the device's own name where the real output had its host name.
    expect(deviceFacts('cisco_ios')).toEqual({ vendor: 'Cisco', model: 'CSR1000V', serial: '9ESGOBARV9D', osVersion: null, hostname: ios.name, uptime: 149_520 });
    expect(deviceFacts('cisco_nxos')).toEqual({ vendor: 'Cisco', model: '5596', serial: 'FOC17153X08', osVersion: '7.1(4)N1(1)', hostname: 'IEDP02-N5K-SW01', uptime: 64_768_668 });
    expect(of('cisco_ios', 'mac_entry').find((entry) => entry.key === '666|30:a3:30:a3:a1:c3')?.detected).toMatchObject({ interfaceName: 'TenGigabitEthernet1/30', vlan: 666 });
    expect(of('arista_eos', 'lldp_neighbour').find((entry) => entry.key === 'lldp|Ethernet1|2c:c2:60:81:ea:f9')?.detected).toMatchObject({ remoteSystemName: 'spine2.company.com', remotePort: 'Ethernet1' });
    expect(of('juniper_junos', 'lldp_neighbour').map((entry) => [entry.key, (entry.detected as { remoteSystemName: string }).remoteSystemName]).sort()).toEqual([
      ['lldp|ge-0/0/0|2c:6b:f5:a2:08:c0', 'vmx3'],
      ['lldp|ge-0/0/1|2c:6b:f5:a1:c2:c0', 'vmx2'],
    ]);
    const junosItem = (name: string) => of('juniper_junos', 'inventory_item').find((entry) => entry.key === name)?.detected;
    expect(junosItem('Chassis')).toMatchObject({ class: 'chassis', serial: 'A0000', description: 'MX104' });
    expect(junosItem('Routing Engine 0')).toMatchObject({ class: 'cpu', partId: '750-000000', serial: 'XXXXXX28' });
  });

  it('leaves out, with a warning naming the template and the line, what the reference parser cannot read either', () => {
    // fakenos' EOS `show version` is cEOS's, its Junos output carries a literal `{{master:0}}`: ntc-templates 9.2.0's
    // own parse_output refuses both the same way (checked with the reference), so those types are skipped, not guessed.
    const eos = devices.devices.find((device) => device.platform === 'arista_eos')!.name;
    const junos = devices.devices.find((device) => device.platform === 'juniper_junos')!.name;
    expect(warnings).toContainEqual(expect.stringMatching(new RegExp(`^${eos}: facts: UNPARSEABLE_OUTPUT: The answer to "show version" could not be parsed: .*arista_eos_show_version.textfsm: State Error raised \\(rule on template line 26, input line 1: "cEOSLab"\\)`)));
    expect(warnings).toContainEqual(expect.stringMatching(new RegExp(`^${junos}: interfaces: UNPARSEABLE_OUTPUT: The answer to "show interfaces" could not be parsed: .*juniper_junos_show_interfaces.textfsm`)));
    expect(deviceFacts('arista_eos')).toBeUndefined();
    expect(of('juniper_junos', 'interface')).toEqual([]);
  });

  it('lands every collector type SSH collects in the report, keyed as SNMP keys them, and skips what it does not collect', () => {
    for (const platform of ['cisco_ios', 'cisco_nxos']) {
      expect(of(platform, 'interface').length).toBeGreaterThan(0);
      for (const entry of of(platform, 'interface')) expect(entry).toMatchObject({ action: 'new', collectorType: 'interfaces', key: (entry.detected as { name: string }).name });
    }
    const inventory = of('cisco_ios', 'inventory_item').map((entry) => [entry.key, (entry.detected as { serial: string }).serial, (entry.detected as { class: string }).class]);
    expect(inventory).toEqual([
      ['3640 chassis', 'FF1045C5', 'chassis'],
      ['One port Fastethernet TX', '7720321', 'other'],
      ['One port Fastethernet TX (2)', '7720321', 'other'],
      ['One port Fastethernet TX (3)', '7720321', 'other'],
    ]);
    expect(entries.every((entry) => entry.collectorType !== 'bgp')).toBe(true);
    expect(warnings.filter((warning) => warning.includes('Skipped bgp: SSH collection does not collect it'))).toHaveLength(4);
  });
});

describe('devices.RunCommand over real SSH', () => {
  it('answers each device of the selection in its own log group, parsed by its platform\'s template', async () => {
    const vault = new CredentialVault(dataSource, BOX);
    const cli = sshCliAccess({ hostKeys: new DeviceHostKeyStore(dataSource), timeouts: SSH_DEFAULT_TIMEOUTS, templates: openedOnce(() => openTemplateLibrary(null)) });
    const registered = new JobRegistry([devicesJobModule({ cli, hasTemplate: cli.hasTemplate, openCredentials: (ref) => vault.open(ref) })]).find('devices.RunCommand');
    const ios = devices.devices.find((device) => device.platform === 'cisco_ios')!;
    const nxos = devices.devices.find((device) => device.platform === 'cisco_nxos')!;
    const selected = (await store.collections.devices.find({}, { limit: 100 })).items.filter((device) => device.name === ios.name || device.name === nxos.name);
    expect(selected).toHaveLength(2);
    const entries: { level: string; message: string; grouping?: string }[] = [];
    const log = (level: string) => (message: string, options?: { grouping?: string }) => {
      entries.push({ level, message, grouping: options?.grouping });
      return Promise.resolve();
    };
    const context = {
      signal: new AbortController().signal,
      logger: { debug: log('debug'), info: log('info'), success: log('success'), warning: log('warning'), failure: log('failure') },
      progress: () => Promise.resolve(),
      inventory: store.collections,
    } as unknown as JobContext;
    const job = new registered!.jobClass() as unknown as { run(data: unknown, context: JobContext): Promise<{ answers: Record<string, unknown>[] }> };

    const version = await job.run({ command: 'show version', devices: selected, connectionTarget: 'primary' }, context);
    const answerOf = (name: string) => version.answers.find((answer) => answer.device === name);
    expect(answerOf(ios.name)).toMatchObject({ parsed: [expect.objectContaining({ hardware: ['CSR1000V'], serial: ['9ESGOBARV9D'] })] });
    expect(answerOf(nxos.name)).toMatchObject({ parsed: [expect.objectContaining({ os: '7.1(4)N1(1)', platform: '5596' })] });
    expect(new Set(entries.map((entry) => entry.grouping))).toEqual(new Set([undefined, ios.name, nxos.name]));

    const clock = await job.run({ command: 'show clock', devices: selected.filter((device) => device.name === ios.name), connectionTarget: 'primary' }, context);
    expect(clock.answers).toEqual([{ device: ios.name, parsed: [expect.objectContaining({ time: expect.any(String) })] }]);
  });
});
