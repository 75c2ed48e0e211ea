/**
 * SSH through the whole stack, as the README shows it: fakenos serves an IOS and an NX-OS device over real SSH on
 * 127.0.0.1; a plan with `protocol: ssh` is made, run and read over REST, and `devices.RunCommand` is run with the CLI
 * exactly as the README prints it (`yard run devices.RunCommand --data command=… --data sites=<siteId> --follow`).
 * Below the API everything is the services from dist: the collector opens the credential set the API sealed, pins the
 * devices' host keys in the stack's database and parses with ntc-templates through its guarded parser.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { OwnFakeDevices, waitFor } from '@yardmaster/testing';
import { uniqueSuffix } from './support/unique-names';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(240_000);

const CLI = join(__dirname, '..', 'apps', 'cli', 'dist', 'main.js');
const SUFFIX = uniqueSuffix();

describe('collecting over SSH, and one command on a site\'s devices', () => {
  let stack: YardmasterStack;
  let devices: OwnFakeDevices;
  const ids: Record<string, string> = {};
  const names: Record<string, string> = {};

  const create = (path: string, body: object): Promise<any> => stack.admin.create(path, body);
  const yard = (...args: string[]) =>
    promisify(execFile)(process.execPath, [CLI, ...args], { env: { ...process.env, YARD_URL: stack.apiUrl, YARD_TOKEN: stack.adminToken, NO_COLOR: '1' } });

  beforeAll(async () => {
    stack = await YardmasterStack.shared();
    devices = await OwnFakeDevices.start({ platforms: ['cisco_ios', 'cisco_nxos'], namePrefix: `ssh-e2e-${SUFFIX}` });
    await create('/api/credentials', { name: `fakenos-${SUFFIX}`, kind: 'ssh', username: devices.username, password: devices.password });
    ids.site = (await create('/api/inventory/sites', { name: `SSH Lab ${SUFFIX}` })).id;
    const role = await create('/api/inventory/device-roles', { name: `SSH Role ${SUFFIX}` });
    for (const device of devices.devices) {
      const platform = await create('/api/inventory/platforms', { name: `${device.platform} ${SUFFIX}`, networkDriver: device.platform });
      names[device.platform] = device.name;
      ids[device.platform] = (
        await create('/api/inventory/devices', {
          name: device.name,
          siteId: ids.site,
          roleId: role.id,
          platformId: platform.id,
          primaryAddress: `${device.host}/32`,
          management: { protocol: 'ssh', port: device.port, credentialsRef: `fakenos-${SUFFIX}` },
        })
      ).id;
    }
  }, 180_000);

  afterAll(async () => {
    await devices?.dispose();
    await stack?.stop();
  });

  it('runs a plan with protocol ssh: both devices collected, the IOS facts in the report as the device prints them', async () => {
    const plan = await create('/api/collection-plans', {
      name: `SSH Lab ${SUFFIX}`,
      protocol: 'ssh',
      collectorTypes: ['facts', 'interfaces'],
      filter: { sites: [ids.site] },
      deviceRetry: { maximumAttempts: 1, initialIntervalSeconds: 0 },
    });
    expect(plan).toMatchObject({ protocol: 'ssh', connectionTarget: 'primary' });
    const accepted = await stack.admin.request('POST', `/api/collection-plans/${plan.id}/runs`, {});
    expect(accepted.status).toBe(202);
    const run = await stack.admin.waitForRunToEnd(accepted.body.runId, 120_000);
    expect(run).toMatchObject({ status: 'completed', result: { devices: 2, collected: 2, failed: 0 } });
    const facts = await waitFor(
      async () => {
        const { status, body } = await stack.admin.request('GET', `/api/facts-reports/${run.id}/entries?deviceId=${ids.cisco_ios}&collectorType=facts`);
        return status === 200 && body.items.length > 0 ? body.items : undefined;
      },
      20_000,
      'the IOS device facts entry',
    );
    expect(facts[0]).toMatchObject({ objectType: 'device', detected: { model: 'CSR1000V', serial: '9ESGOBARV9D', hostname: names.cisco_ios } });
    // The host keys were pinned in the stack's database on first use, and are readable over REST.
    const hostKey = await stack.admin.request('GET', `/api/inventory/devices/${ids.cisco_ios}/host-key`);
    expect(hostKey).toMatchObject({ status: 200, body: { deviceId: ids.cisco_ios, pinned: { algorithm: 'ssh-rsa', fingerprint: expect.stringMatching(/^SHA256:/) } } });
  });

  it('runs devices.RunCommand from the CLI as the README prints it: each device answers, parsed, in its own log group', async () => {
    const { stdout } = await yard('run', 'devices.RunCommand', '--data', 'command=show version', '--data', `sites=${ids.site}`, '--follow');
    const runId = /Run ([0-9a-f-]{36}) queued/.exec(stdout)?.[1];
    expect(stdout).toContain(`Run ${runId} completed`);
    const run = await stack.admin.waitForRunToEnd(runId!, 30_000);
    const answers = run.result.answers as Array<{ device: string; parsed?: Array<Record<string, unknown>> }>;
    expect(answers.find((answer) => answer.device === names.cisco_ios)?.parsed?.[0]).toMatchObject({ hardware: ['CSR1000V'], serial: ['9ESGOBARV9D'] });
    expect(answers.find((answer) => answer.device === names.cisco_nxos)?.parsed?.[0]).toMatchObject({ os: '7.1(4)N1(1)', platform: '5596' });
    const logs = await stack.admin.logsOf(run.id);
    expect(new Set(logs.map((log) => log.grouping))).toEqual(new Set(['run', names.cisco_ios, names.cisco_nxos]));
  });
});
