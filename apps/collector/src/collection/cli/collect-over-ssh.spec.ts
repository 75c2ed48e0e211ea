import type { Context } from '@temporalio/activity';
import type { Device, OpenedCredentials, Platform } from '@yardmaster/contracts';
import type { CollectDeviceInput } from '@yardmaster/workflows';
import type { RunLogger } from '../../activities/run-logger';
import type { CliAccess, CliTarget } from './cli-access';
import { collectOverSsh, type SshCollectionDeps } from './collect-over-ssh';

const device = { id: 'd1', name: 'edge-1', primaryAddress: '192.0.2.10/24', oobAddress: null, platformId: 'p1', management: { protocol: 'ssh', port: 2222, credentialsRef: 'lab-ssh' } } as unknown as Device;
const input = { scope: { runId: 'r1' }, device: { id: 'd1', name: 'edge-1' }, collectorTypes: ['facts'], credentialsRef: null, maxAttempts: 1, protocol: 'ssh' } as unknown as CollectDeviceInput;
const ssh: OpenedCredentials = { kind: 'ssh', name: 'lab-ssh', username: 'netops', password: 'secret', privateKey: null, passphrase: null };
const logger = { info: jest.fn(), warning: jest.fn() } as unknown as RunLogger;

function activity(): Context {
  return { cancellationSignal: new AbortController().signal, info: { startToCloseTimeoutMs: 60_000 } } as unknown as Context;
}

function access(opened: CliTarget[], closed: string[]): CliAccess {
  return {
    open: async (target) => {
      opened.push(target);
      return { run: async () => 'ignored', close: () => closed.push(target.deviceId) };
    },
    parse: () => [{ hostname: 'edge-1', version: '15.2', hardware: ['C3560'], serial: ['F1'], uptime: '1 hour' }],
  };
}

function deps(overrides: Partial<SshCollectionDeps> & { opened?: CliTarget[]; closed?: string[] } = {}): SshCollectionDeps {
  return {
    cli: access(overrides.opened ?? [], overrides.closed ?? []),
    platformOf: async () => ({ id: 'p1', name: 'IOS', networkDriver: 'cisco_ios' }) as Platform,
    openCredentials: async () => ssh,
    ...overrides,
  };
}

describe('collectOverSsh', () => {
  it('opens one session at the device\'s SSH address with its platform\'s driver, collects, and closes it', async () => {
    const opened: CliTarget[] = [];
    const closed: string[] = [];
    const collected = await collectOverSsh(deps({ opened, closed }), input, device, logger, activity());
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ host: '192.0.2.10', port: 2222, platform: 'cisco_ios', credentials: ssh, commandTimeoutMs: 20_000 });
    expect(closed).toEqual(['d1']);
    expect(collected.get('facts')).toEqual([{ hostname: 'edge-1', vendor: 'Cisco', model: 'C3560', serial: 'F1', osVersion: '15.2', uptimeSeconds: 3_600 }]);
  });

  it('dials the out-of-band address when the primary one refuses, as the plan\'s connection target says', async () => {
    const opened: string[] = [];
    const fallback: CliAccess = {
      ...access([], []),
      open: async (target) => {
        opened.push(target.host);
        if (target.host === '192.0.2.10') throw Object.assign(new Error('connection refused'), { code: 'SSH_CONNECTION_REFUSED' });
        return { run: async () => 'ignored', close: () => undefined };
      },
    };
    const withOob = { ...device, oobAddress: '198.51.100.10/24' } as Device;
    await collectOverSsh(deps({ cli: fallback }), { ...input, connectionTarget: 'primary_then_oob' } as CollectDeviceInput, withOob, logger, activity());
    expect(opened).toEqual(['192.0.2.10', '198.51.100.10']);
  });

  it('does not try another address after an authentication failure', async () => {
    const opened: string[] = [];
    const refusing: CliAccess = {
      ...access([], []),
      open: async (target) => {
        opened.push(target.host);
        throw Object.assign(new Error('authentication failed'), { code: 'SSH_AUTH_FAILED' });
      },
    };
    const withOob = { ...device, oobAddress: '198.51.100.10/24' } as Device;
    await expect(collectOverSsh(deps({ cli: refusing }), { ...input, connectionTarget: 'primary_then_oob' } as CollectDeviceInput, withOob, logger, activity())).rejects.toMatchObject({ code: 'SSH_AUTH_FAILED' });
    expect(opened).toEqual(['192.0.2.10']);
  });

  it('closes the session when the collection fails', async () => {
    const closed: string[] = [];
    const failing: CliAccess = { ...access([], closed), parse: () => { throw new Error('no template'); } };
    await expect(collectOverSsh(deps({ cli: failing }), input, device, logger, activity())).rejects.toMatchObject({ code: 'UNPARSEABLE_OUTPUT' });
    expect(closed).toEqual(['d1']);
  });

  it('fails a device whose platform SSH collection does not know, naming it', async () => {
    const unknown = deps({ platformOf: async () => ({ id: 'p1', name: 'VRP', networkDriver: 'huawei_vrp' }) as Platform });
    await expect(collectOverSsh(unknown, input, device, logger, activity())).rejects.toMatchObject({
      code: 'UNSUPPORTED_PLATFORM',
      message: 'Device edge-1 has platform VRP (network driver "huawei_vrp"); SSH collection knows cisco_ios, cisco_nxos, arista_eos and juniper_junos',
    });
  });

  it('refuses a credential set that is not SSH\'s, naming the set and never a secret', async () => {
    const snmp = deps({ openCredentials: async () => ({ kind: 'snmp_v2c', name: 'lab-v2c', community: 'public' }) as OpenedCredentials });
    await expect(collectOverSsh(snmp, input, device, logger, activity())).rejects.toMatchObject({ code: 'UNSUPPORTED_CREDENTIALS', message: 'Credential set lab-v2c is snmp_v2c, not ssh' });
  });

  it('fails every device when the collector has no SSH collection', async () => {
    await expect(collectOverSsh(deps({ cli: null }), input, device, logger, activity())).rejects.toMatchObject({ code: 'UNSUPPORTED_PLATFORM' });
  });
});
