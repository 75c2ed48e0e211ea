/**
 * SSH faults in a plan run, each on a device of its own beside a healthy one: a changed host key, a command that never
 * returns, output that stops half way, a connection dropped mid-plan, an answer no template reads, an answer on which
 * a (user's) template runs away. Every device is a
 * real SSH server on 127.0.0.1 (ssh2's server side, scripted), collected by the run workflow on a real Temporal worker
 * against a real Postgres inventory. Each fault fails its device alone, with a code and a message naming the cause;
 * the healthy device's facts land in the report all the same. (The driver's own fault tests are in libs/ssh.)
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { streamNamesFor, type CollectFactsResult, type FactsEntriesDetectedData, type FactsEntry, type FactsEvent } from '@yardmaster/contracts';
import { CredentialSetStore, DeviceHostKeyStore } from '@yardmaster/inventory';
import { SecretBox } from '@yardmaster/messaging';
import { ScriptedSshServer, uniqueInstanceName, type CliScript, type CommandBehaviour } from '@yardmaster/testing';
import { openGuardedParser, openTemplateLibrary } from '@yardmaster/textfsm';
import { openedOnce, sshCliAccess } from './cli/ssh-cli-access';
import { eventsOn, PlanRunTestbed, planRunInput, runToEnd, testPlan } from './test-support/plan-run-harness';

jest.setTimeout(180_000);

const INSTANCE = uniqueInstanceName('sshfaults');
const TASK_QUEUE = `plan-run-ssh-faults-int-spec-${randomUUID()}`;
const BOX = new SecretBox(randomBytes(32));
const LOGIN = { username: 'netops', password: 'lab-password-1' };
// Short, so that the hung command fails the device within seconds.
const TIMEOUTS = { connectMs: 3_000, commandMs: 2_000, idleMs: 30_000 };

const SHOW_VERSION = `Cisco IOS Software, C3750E Software (C3750E-UNIVERSALK9-M), Version 15.2(4)E7, RELEASE SOFTWARE (fc2)
Technical Support: http://www.cisco.com/techsupport
Copyright (c) 1986-2018 by Cisco Systems, Inc.
Compiled Tue 18-Sep-18 13:20 by prod_rel_team

ROM: Bootstrap program is C3750E boot loader
BOOTLDR: C3750E Boot Loader (C3750X-HBOOT-M) Version 15.2(3r)E, RELEASE SOFTWARE (fc1)

edge-1 uptime is 2 weeks, 3 days, 4 hours, 5 minutes
System returned to ROM by power-on
System image file is "flash:/c3750e-universalk9-mz.152-4.E7.bin"
Last reload reason: power-on

cisco WS-C3750X-48P (PowerPC405) processor (revision A0) with 262144K bytes of memory.
Processor board ID FDO1234X5YZ
Last reset from power-on
52 Gigabit Ethernet interfaces
Base ethernet MAC Address       : 00:11:22:33:44:55
Model number                    : WS-C3750X-48P-S
System serial number            : FDO1234X5YZ

Configuration register is 0xF`;

const SHOW_INTERFACES = `GigabitEthernet1/0/1 is up, line protocol is up (connected)
  Hardware is Gigabit Ethernet, address is 0011.2233.4401 (bia 0011.2233.4401)
  Description: uplink to core
  MTU 1500 bytes, BW 1000000 Kbit/sec, DLY 10 usec,
     reliability 255/255, txload 1/255, rxload 1/255
  Encapsulation ARPA, loopback not set
GigabitEthernet1/0/2 is administratively down, line protocol is down (disabled)
  Hardware is Gigabit Ethernet, address is 0011.2233.4402 (bia 0011.2233.4402)
  MTU 9000 bytes, BW 100000 Kbit/sec, DLY 100 usec,
     reliability 255/255, txload 1/255, rxload 1/255`;

interface ScriptedDevice {
  readonly platform: 'cisco_ios' | 'arista_eos' | 'cisco_nxos';
  readonly script: CliScript;
}

/** A device whose `show version` and `show interfaces` do what `faults` says, and answer as an IOS switch otherwise. */
function scriptedDevice(name: string, faults: { readonly version?: CommandBehaviour; readonly interfaces?: CommandBehaviour } = {}, platform: ScriptedDevice['platform'] = 'cisco_ios'): ScriptedDevice {
  const script: CliScript = {
    prompt: `${name}#`,
    commands: {
      'terminal length 0': { output: '' },
      'terminal width 511': { output: '' },
      'show version': faults.version ?? { output: SHOW_VERSION },
      'show interfaces': faults.interfaces ?? { output: SHOW_INTERFACES },
    },
  };
  return { platform, script };
}

// What a crashed CLI prints: EOS's templates end in an Error rule for a line they do not know, so they refuse it (as
// ntc-templates' own parse_output does). IOS's `show version` template would read it as no record at all.
const CRASHED = { output: 'Segmentation fault (core dumped)' };

const DEVICES = {
  healthy: scriptedDevice('edge-1'),
  rekeyed: scriptedDevice('rekeyed'),
  hangs: scriptedDevice('hangs', { version: { hang: true } }),
  cutOff: scriptedDevice('cut-off', { interfaces: { output: SHOW_INTERFACES.split('\n').slice(0, 3).join('\n'), thenCloseChannel: true } }),
  drops: scriptedDevice('drops', { interfaces: { dropConnection: true } }),
  garbled: scriptedDevice('garbled', { version: CRASHED, interfaces: CRASHED }, 'arista_eos'),
  // NX-OS' commands here are parsed by the user's template below, which backtracks without end on a run of a's.
  runaway: { platform: 'cisco_nxos', script: { prompt: 'runaway#', commands: { 'terminal length 0': { output: '' }, 'terminal width 511': { output: '' }, 'show version': { output: `${'a'.repeat(40)}!` } } } },
} satisfies Record<string, ScriptedDevice>;
type DeviceName = keyof typeof DEVICES;

let testbed: PlanRunTestbed;
const servers = new Map<DeviceName, ScriptedSshServer>();
const ids = {} as Record<DeviceName, string>;
// A user's template folder, searched before ntc-templates: its `show version` for NX-OS has a pattern with a lookahead,
// which keeps V8 from its linear-time fallback.
const userTemplates = mkdtempSync(join(tmpdir(), 'ssh-faults-templates-'));
const parser = openGuardedParser(userTemplates, 1_000);
let result: CollectFactsResult;
let entries: FactsEntry[];

beforeAll(async () => {
  testbed = await PlanRunTestbed.open({ name: 'plan-run-ssh-faults-int-spec', instance: INSTANCE, taskQueue: TASK_QUEUE, box: BOX });
  const { dataSource, store, nc, env } = testbed;
  writeFileSync(join(userTemplates, 'index'), 'Template, Hostname, Platform, Command\n\nrunaway_show_version.textfsm, .*, cisco_nxos, sh[[ow]] ver[[sion]]\n');
  writeFileSync(join(userTemplates, 'runaway_show_version.textfsm'), ['Value VERSION ((?=a)(a+)+b)', '', 'Start', '  ^${VERSION} -> Record', ''].join('\n'));

  await new CredentialSetStore(dataSource, BOX).create({ name: 'lab-ssh', kind: 'ssh', ...LOGIN });
  const siteId = (await store.collections.sites.create({ name: 'Fault lab' })).id;
  const roleId = (await store.collections.deviceRoles.create({ name: 'Access' })).id;
  const platformIds = {
    cisco_ios: (await store.collections.platforms.create({ name: 'IOS', networkDriver: 'cisco_ios' })).id,
    arista_eos: (await store.collections.platforms.create({ name: 'EOS', networkDriver: 'arista_eos' })).id,
    cisco_nxos: (await store.collections.platforms.create({ name: 'NX-OS', networkDriver: 'cisco_nxos' })).id,
  };
  for (const [name, { platform, script }] of Object.entries(DEVICES) as [DeviceName, ScriptedDevice][]) {
    const server = await ScriptedSshServer.start({ ...LOGIN, script });
    servers.set(name, server);
    const device = await store.collections.devices.create({
      name,
      siteId,
      roleId,
      platformId: platformIds[platform],
      status: 'active',
      primaryAddress: `${server.host}/32`,
      management: { protocol: 'ssh', port: server.port, credentialsRef: 'lab-ssh' },
    });
    ids[name] = device.id;
  }
  // The key pinned for this device is not the one it shows now (the box was replaced, or someone is in the middle).
  await new DeviceHostKeyStore(dataSource).record(ids.rekeyed, { algorithm: 'ssh-ed25519', fingerprint: 'SHA256:0ldK3yOfTheReplacedBoxXXXXXXXXXXXXXXXXXXXXX' });

  const plan = testPlan({ planId: 'plan-ssh-faults', planName: 'SSH faults', collectorTypes: ['facts', 'interfaces'], filter: { sites: [siteId] }, protocol: 'ssh', devicesAtOnce: 6 });
  const input = planRunInput(plan, { runTimeoutSeconds: 170, stepTimeoutSeconds: 160 });
  const cli = sshCliAccess({ hostKeys: new DeviceHostKeyStore(dataSource), timeouts: TIMEOUTS, templates: openedOnce(() => openTemplateLibrary(userTemplates)), parser: () => parser });
  const worker = await testbed.worker(cli);
  const { outcome } = await worker.runUntil(() => runToEnd(env, TASK_QUEUE, input));
  result = outcome.result as unknown as CollectFactsResult;
  const facts = (await eventsOn(nc, streamNamesFor(INSTANCE).facts, `${INSTANCE}.facts.${input.runId}.`)) as FactsEvent[];
  entries = facts.filter((event) => event.type === 'facts.entries_detected').flatMap((event) => (event.data as FactsEntriesDetectedData).entries);
}, 180_000);

afterAll(async () => {
  await Promise.all([...servers.values()].map((server) => server.stop()));
  await parser.close();
  rmSync(userTemplates, { recursive: true, force: true });
  await testbed?.close();
});

const failureOf = (name: DeviceName) => result.failedDevices.find((failed) => failed.id === ids[name]);
const entriesOf = (name: DeviceName) => entries.filter((entry) => entry.deviceId === ids[name]);

describe('a plan run over SSH where each device but one has a fault of its own', () => {
  it('collects the healthy device and fails the six others, each alone', () => {
    expect(result).toMatchObject({ devices: 7, collected: 1, failed: 6 });
    expect(result.failedDevices.map((failed) => failed.id).sort()).toEqual(Object.entries(ids).filter(([name]) => name !== 'healthy').map(([, id]) => id).sort());
  });

  it('lands the healthy device\'s facts and interfaces in the report', () => {
    expect(entriesOf('healthy').find((entry) => entry.objectType === 'device')?.detected).toMatchObject({ vendor: 'Cisco', model: 'WS-C3750X-48P', serial: 'FDO1234X5YZ', osVersion: '15.2(4)E7', hostname: 'edge-1' });
    expect(entriesOf('healthy').filter((entry) => entry.objectType === 'interface').map((entry) => entry.key)).toEqual(['GigabitEthernet1/0/1', 'GigabitEthernet1/0/2']);
  });

  it('refuses a changed host key before logging in, naming both fingerprints', () => {
    const server = servers.get('rekeyed')!;
    expect(failureOf('rekeyed')).toMatchObject({ code: 'SSH_HOST_KEY_CHANGED', message: expect.stringContaining(server.hostKey.fingerprint) });
    expect(failureOf('rekeyed')?.message).toContain('SHA256:0ldK3yOfTheReplacedBox');
    // Not one shell was opened on the device that showed the wrong key: no password or command reached it.
    expect(server.shells).toHaveLength(0);
  });

  it('fails a command that never returns after the command timeout, naming the command', () => {
    expect(failureOf('hangs')).toMatchObject({ code: 'SSH_COMMAND_TIMEOUT', message: expect.stringContaining('"show version"') });
  });

  it('fails output that stops half way, naming the command', () => {
    expect(failureOf('cutOff')).toMatchObject({ code: 'SSH_OUTPUT_TRUNCATED', message: expect.stringContaining('"show interfaces"') });
  });

  it('fails a connection dropped mid-plan, naming the command it dropped during', () => {
    expect(failureOf('drops')).toMatchObject({ code: 'SSH_CONNECTION_DROPPED', message: expect.stringContaining('"show interfaces"') });
  });

  it('fails a device none of whose answers a template reads with UNPARSEABLE_OUTPUT, naming the command', () => {
    expect(failureOf('garbled')).toMatchObject({ code: 'UNPARSEABLE_OUTPUT', message: expect.stringContaining('"show version"') });
  });

  it('stops a template that runs away on an answer at the parse deadline, naming the template and its rule line', () => {
    expect(failureOf('runaway')).toMatchObject({ code: 'UNPARSEABLE_OUTPUT', message: expect.stringContaining('"show version"') });
    expect(failureOf('runaway')?.message).toMatch(/runaway_show_version\.textfsm: no result after 1000 ms \(the rule on template line 4 was still matching input line 1\)/);
  });

  it('reports nothing of a failed device: its facts are neither guessed nor half-collected', () => {
    for (const name of ['rekeyed', 'hangs', 'cutOff', 'drops', 'garbled', 'runaway'] as const) expect(entriesOf(name)).toEqual([]);
  });
});
