import type { Device, OpenedCredentials, Platform } from '@yardmaster/contracts';
import { JobRegistry, validateRunData, type JobContext } from '@yardmaster/job-sdk';
import type { CliAccess, CliTarget } from '../../collection/cli/cli-access';
import { chunksOf, devicesJobModule, READ_ONLY_COMMAND, RESULT_BUDGET_CHARS, type DeviceAnswer, type RunCommandDeps } from './run-command.job';

const platforms: Record<string, Platform> = {
  ios: { id: 'ios', name: 'IOS', networkDriver: 'cisco_ios' } as Platform,
  vrp: { id: 'vrp', name: 'VRP', networkDriver: 'huawei_vrp' } as Platform,
};

function device(id: string, name: string, platformId: string | null, siteId = 's1'): Device {
  return { id, name, platformId, siteId, roleId: null, tags: [], status: 'active', primaryAddress: `192.0.2.${id.slice(1)}/24`, oobAddress: null, management: { protocol: 'ssh', port: 22, credentialsRef: 'lab-ssh' } } as unknown as Device;
}

const inventory = [device('d1', 'edge-1', 'ios'), device('d2', 'edge-2', 'ios'), device('d3', 'huawei-1', 'vrp'), device('d4', 'core-1', 'ios', 's2')];
const ssh: OpenedCredentials = { kind: 'ssh', name: 'lab-ssh', username: 'netops', password: 'secret', privateKey: null, passphrase: null };

function deps(outputs: Record<string, string>, overrides: Partial<RunCommandDeps> = {}) {
  const opened: CliTarget[] = [];
  const closed: string[] = [];
  const cli: CliAccess = {
    open: async (target) => {
      opened.push(target);
      if (!(target.deviceName in outputs)) throw Object.assign(new Error(`${target.host}:22: authentication failed`), { code: 'SSH_AUTH_FAILED' });
      return { run: async () => outputs[target.deviceName], close: () => closed.push(target.deviceName) };
    },
    parse: (_platform, _command, output) => {
      if (output.startsWith('garbage')) throw new Error('TEXTFSM_REQUIRED: version was never filled');
      return [{ version: output.trim() }];
    },
  };
  return { opened, closed, deps: { cli, hasTemplate: (_platform: string, command: string) => command === 'show version', openCredentials: async () => ssh, ...overrides } };
}

async function run(runDeps: RunCommandDeps, data: Record<string, unknown>) {
  const registered = new JobRegistry([devicesJobModule(runDeps)]).find('devices.RunCommand');
  if (!registered) throw new Error('devices.RunCommand is not registered');
  const lines: { level: string; message: string; device?: string; grouping?: string }[] = [];
  const log = (level: string) => (message: string, options?: { object?: { display: string }; grouping?: string }) => {
    lines.push({ level, message, device: options?.object?.display, grouping: options?.grouping });
    return Promise.resolve();
  };
  const context = {
    signal: new AbortController().signal,
    logger: { debug: log('debug'), info: log('info'), success: log('success'), warning: log('warning'), failure: log('failure') },
    progress: () => Promise.resolve(),
    inventory: {
      devices: { find: async () => ({ items: inventory, total: inventory.length }) },
      platforms: { get: async (id: string) => platforms[id] ?? null },
    },
  } as unknown as JobContext;
  const job = new registered.jobClass() as unknown as { run(data: unknown, context: JobContext): Promise<{ command: string; answers: DeviceAnswer[] }> };
  return { lines, result: await job.run(data, context) };
}

describe('devices.RunCommand', () => {
  it('answers each selected device: parsed when a template exists, the device\'s failure when it cannot be asked', async () => {
    const { deps: runDeps, opened, closed } = deps({ 'edge-1': '15.2(4)E', 'edge-2': 'garbage' });
    const { result, lines } = await run(runDeps, { command: 'show version', sites: [{ id: 's1' }], connectionTarget: 'primary' });
    expect(result.answers).toEqual([
      { device: 'edge-1', parsed: [{ version: '15.2(4)E' }] },
      { device: 'edge-2', output: 'garbage' },
      { device: 'huawei-1', error: 'its platform VRP ("huawei_vrp") is not one SSH knows' },
    ]);
    expect(opened.map((target) => [target.deviceName, target.host, target.platform])).toEqual([
      ['edge-1', '192.0.2.1', 'cisco_ios'],
      ['edge-2', '192.0.2.2', 'cisco_ios'],
    ]);
    expect(closed).toEqual(['edge-1', 'edge-2']);
    expect(lines).toContainEqual({ level: 'info', message: 'edge-1: show version\n15.2(4)E', device: 'edge-1', grouping: 'edge-1' });
    expect(lines).toContainEqual({ level: 'warning', message: 'edge-2: the answer could not be parsed (TEXTFSM_REQUIRED: version was never filled); the raw text is the result', device: 'edge-2', grouping: 'edge-2' });
    expect(lines).toContainEqual({ level: 'failure', message: 'huawei-1: its platform VRP ("huawei_vrp") is not one SSH knows', device: 'huawei-1', grouping: 'huawei-1' });
  });

  it('returns the raw text for a command no template reads, and names the SSH failure of a device', async () => {
    const { deps: runDeps } = deps({ 'core-1': 'uptime is 1 day' });
    const { result } = await run(runDeps, { command: 'show clock', devices: [{ id: 'd4' }, { id: 'd1' }], connectionTarget: 'primary' });
    expect(result.answers).toEqual([
      { device: 'edge-1', error: '192.0.2.1:22: authentication failed' },
      { device: 'core-1', output: 'uptime is 1 day' },
    ]);
  });

  it('refuses to run on nothing', async () => {
    await expect(run(deps({}).deps, { command: 'show version' })).rejects.toThrow('No device matches the selection');
  });

  it('keeps the result within its budget, answers beyond it in the log only', async () => {
    const big = 'x'.repeat(RESULT_BUDGET_CHARS - 100);
    const { deps: runDeps } = deps({ 'edge-1': big, 'edge-2': big });
    const { result } = await run(runDeps, { command: 'show running-config', sites: [{ id: 's1' }], platforms: [{ id: 'ios' }], connectionTarget: 'primary' });
    expect(result.answers.map((answer) => Object.keys(answer))).toEqual([['device', 'output'], ['device', 'inLogOnly']]);
  });

  it('takes a command and any one selection, as the API checks a run request (the README\'s example)', () => {
    const definition = new JobRegistry([devicesJobModule(deps({}).deps)]).find('devices.RunCommand')!.definition;
    expect(validateRunData(definition.variables, { command: 'show ip interface brief', sites: ['2b1f0c5e-8c1d-4d2a-9a4e-1f2e3d4c5b6a'] })).toMatchObject({ ok: true });
    expect(validateRunData(definition.variables, { command: 'show version', devices: ['2b1f0c5e-8c1d-4d2a-9a4e-1f2e3d4c5b6a'], credentials: 'lab-ssh' })).toMatchObject({ ok: true });
    expect(validateRunData(definition.variables, { sites: ['2b1f0c5e-8c1d-4d2a-9a4e-1f2e3d4c5b6a'] })).toMatchObject({ ok: false });
  });

  it('is a read-only job of the Devices grouping whose command must be a show command', () => {
    const definition = new JobRegistry([devicesJobModule(deps({}).deps)]).find('devices.RunCommand')?.definition;
    expect(definition).toMatchObject({ grouping: 'Devices', readOnly: true });
    const pattern = new RegExp(READ_ONLY_COMMAND);
    for (const command of ['show version', 'sh ip int brief', 'sho run', '  show lldp neighbors detail']) expect(pattern.test(command)).toBe(true);
    for (const command of ['reload', 'configure terminal', 'show', 'shutdown', 'clear counters']) expect(pattern.test(command)).toBe(false);
  });
});

describe('chunksOf', () => {
  it('cuts at line ends within the size, and inside a line longer than it', () => {
    expect(chunksOf('aaa\nbbb\nccc', 8)).toEqual(['aaa\nbbb\n', 'ccc']);
    expect(chunksOf('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(chunksOf('', 4)).toEqual(['']);
  });
});
