/**
 * Collection through the whole stack, from a real SNMP agent to the inventory: snmpsim serves two recordings of
 * real devices, the plan is made, run and read over REST, its facts report is partly applied and partly skipped,
 * and a second run finds what was applied as it is (`confirmed`). The CLI lists the plan and prints the report.
 * Everything below the API is the services from dist: the collector walks the simulator with the credential set
 * the API sealed, the projection builds the run and the report from the events.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { COLLECTED_SUBTREES } from '@yardmaster/snmp';
import { OwnSnmpSimulator, waitFor } from '@yardmaster/testing';
import { uniqueSuffix } from './support/unique-names';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(240_000);

const CLI = join(__dirname, '..', 'apps', 'cli', 'dist', 'main.js');
const SUFFIX = uniqueSuffix();
const C3560 = 'network/switch/cisco-c3560';
const MX960 = 'network/router/juniper-mx960-13-3r9-13';
const SWITCH = `collect-c3560-${SUFFIX}`;
const ROUTER = `collect-mx960-${SUFFIX}`;

describe('collecting facts from SNMP agents into a report and the inventory', () => {
  let stack: YardmasterStack;
  let simulator: OwnSnmpSimulator;
  const ids: Record<string, string> = {};

  async function send(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const { status, body: answer } = await stack.admin.request(method, path, body);
    return { status, body: answer };
  }

  function create(path: string, body: object): Promise<any> {
    return stack.admin.create(path, body);
  }

  /** Every entry of the report matching the query (a recording's device has ~60 interfaces: one page). */
  async function entriesOf(reportId: string, query: string): Promise<any[]> {
    const { status, body } = await send('GET', `/api/facts-reports/${reportId}/entries?${query}&limit=1000`);
    if (status !== 200) throw new Error(`entries of ${reportId}: ${status} ${JSON.stringify(body)}`);
    expect(body.total).toBe(body.items.length);
    return body.items;
  }

  /** Runs the plan over REST and waits for the run's end and its report's close. */
  async function runPlan(): Promise<{ run: any; report: any }> {
    const accepted = await send('POST', `/api/collection-plans/${ids.plan}/runs`, {});
    expect(accepted).toMatchObject({ status: 202, body: { runId: expect.any(String), jobId: 'collection.CollectFacts' } });
    const run = await stack.admin.waitForRunToEnd(accepted.body.runId, 120_000);
    expect(run.id).toBe(accepted.body.runId);
    const report = await waitFor(
      async () => {
        const { status, body } = await send('GET', `/api/facts-reports/${run.id}`);
        return status === 200 && body.closedAt !== null ? body : undefined;
      },
      20_000,
      'the closed facts report',
    );
    return { run, report };
  }

  const yard = (...args: string[]) =>
    promisify(execFile)(process.execPath, [CLI, ...args], { env: { ...process.env, YARD_URL: stack.apiUrl, YARD_TOKEN: stack.adminToken, NO_COLOR: '1' } });

  beforeAll(async () => {
    stack = await YardmasterStack.shared();
    // Only what the collectors read: the simulator indexes and starts in seconds.
    simulator = await OwnSnmpSimulator.start({ recordings: [C3560, MX960], subtrees: COLLECTED_SUBTREES });
    // The community picks the recording: one credential set per device, as the simulator wants.
    await create('/api/credentials', { name: `c3560-v2c-${SUFFIX}`, kind: 'snmp_v2c', community: simulator.communityFor(C3560) });
    await create('/api/credentials', { name: `mx960-v2c-${SUFFIX}`, kind: 'snmp_v2c', community: simulator.communityFor(MX960) });
    const site = await create('/api/inventory/sites', { name: `Collect Lab ${SUFFIX}` });
    const role = await create('/api/inventory/device-roles', { name: `Collect Role ${SUFFIX}` });
    const device = async (name: string, credentialsRef: string) =>
      (
        await create('/api/inventory/devices', {
          name,
          siteId: site.id,
          roleId: role.id,
          primaryAddress: '127.0.0.1/32',
          management: { protocol: 'snmp', port: simulator.port, credentialsRef },
        })
      ).id;
    ids.switch = await device(SWITCH, `c3560-v2c-${SUFFIX}`);
    ids.router = await device(ROUTER, `mx960-v2c-${SUFFIX}`);
    const plan = await create('/api/collection-plans', {
      name: `Collect Lab ${SUFFIX}`,
      collectorTypes: ['facts', 'interfaces'],
      filter: { devices: [ids.switch, ids.router] },
      detectOnly: true,
      deviceTimeoutSeconds: 30,
      deviceRetry: { maximumAttempts: 1, initialIntervalSeconds: 0 },
    });
    ids.plan = plan.id;
  }, 180_000);

  afterAll(async () => {
    await simulator?.dispose();
    await stack?.stop();
  });

  it('collects both devices: the run completes 2/2 with each device’s log under its name, the report holds what the agents hold', async () => {
    const { run, report } = await runPlan();
    ids.firstRun = run.id;
    expect(run).toMatchObject({
      status: 'completed',
      progress: { total: 2, done: 2, failed: 0 },
      result: { reportId: run.id, devices: 2, collected: 2, failed: 0, failedDevices: [] },
    });

    const logs = await stack.admin.logsOf(run.id);
    expect(new Set(logs.map((log) => log.grouping))).toEqual(new Set([SWITCH, ROUTER]));
    expect(logs.filter((log) => log.level === 'success').map((log) => log.grouping).sort()).toEqual([SWITCH, ROUTER].sort());

    // netbox_facts' rule: a closed report whose entries are all pending is pending.
    expect(report).toMatchObject({ id: run.id, runId: run.id, planId: ids.plan, detectOnly: true, status: 'pending', devices: { total: 2, collected: 2, failed: 0 } });
    expect(report.entries.byStatus).toEqual({ pending: report.entries.total, applied: 0, skipped: 0, failed: 0 });
    expect(report.entries.total).toBe(report.entries.expected);

    // The values recordings.int-spec.ts reads from the same recordings, now through the collector and the report.
    const switchInterfaces = await entriesOf(run.id, `deviceId=${ids.switch}&collectorType=interfaces`);
    expect(switchInterfaces).toHaveLength(57);
    expect(switchInterfaces.every((entry) => entry.action === 'new' && entry.status === 'pending' && entry.objectId === null)).toBe(true);
    expect(switchInterfaces.find((entry) => entry.key === 'Vl2')).toMatchObject({
      deviceName: SWITCH,
      objectType: 'interface',
      detected: { deviceId: ids.switch, name: 'Vl2', type: 'virtual', enabled: true, mtu: 1500, speed: 1_000_000, macAddress: 'e8:04:62:78:f2:41' },
    });
    const routerInterfaces = await entriesOf(run.id, `deviceId=${ids.router}&collectorType=interfaces`);
    expect(routerInterfaces).toHaveLength(61);
    expect(routerInterfaces.find((entry) => entry.key === 'ge-1/0/1')).toMatchObject({
      action: 'new',
      detected: { name: 'ge-1/0/1', type: 'ethernet', macAddress: 'a8:d0:e5:f5:a8:a6', description: 'SNNU-CA-JiJianchu-GongAnChu', speed: 1_000_000 },
    });
    const [switchFacts] = await entriesOf(run.id, `deviceId=${ids.switch}&collectorType=facts`);
    expect(switchFacts).toMatchObject({ objectType: 'device', key: 'facts', detected: { model: 'WS-C3560G-48TS-E', serial: 'FOC1408Z61U', osVersion: '12.2(55)SE3' } });
  });

  it('applies the switch’s interfaces and skips the rest: the inventory lists them, the report reads partial', async () => {
    const switchInterfaces = await entriesOf(ids.firstRun, `deviceId=${ids.switch}&collectorType=interfaces`);
    const applied = await send('POST', `/api/facts-reports/${ids.firstRun}/apply`, { entries: switchInterfaces.map((entry) => entry.id) });
    expect(applied).toMatchObject({ status: 200, body: { resolution: 'apply', applied: 57, skipped: 0, failed: 0 } });
    const skipped = await send('POST', `/api/facts-reports/${ids.firstRun}/skip`, {});
    expect(skipped.status).toBe(200);
    const report = (await send('GET', `/api/facts-reports/${ids.firstRun}`)).body;
    expect(skipped.body.skipped).toBe(report.entries.total - 57);

    const listed = (await send('GET', `/api/inventory/interfaces?device=${ids.switch}&limit=1000`)).body;
    expect(listed.total).toBe(57);
    expect(listed.items.find((item: any) => item.name === 'Vl2')).toMatchObject({ deviceId: ids.switch, type: 'virtual', enabled: true, mtu: 1500, speed: 1_000_000, macAddress: 'e8:04:62:78:f2:41' });
    expect((await send('GET', `/api/inventory/interfaces?device=${ids.router}`)).body.total).toBe(0);
    // Skipped: the switch's facts are not recorded.
    expect((await send('GET', `/api/inventory/devices/${ids.switch}`)).body.facts).toMatchObject({ serial: null });

    // Applied and skipped entries: a mix, which netbox_facts calls partial.
    expect(report).toMatchObject({ status: 'partial', entries: { byStatus: { pending: 0, applied: 57, skipped: report.entries.total - 57, failed: 0 } } });
  });

  it('finds the applied interfaces confirmed when the plan runs again, and the rest still new', async () => {
    const { run, report } = await runPlan();
    expect(run).toMatchObject({ status: 'completed', progress: { total: 2, done: 2, failed: 0 } });
    expect(report.status).toBe('pending');
    const switchInterfaces = await entriesOf(run.id, `deviceId=${ids.switch}&collectorType=interfaces`);
    expect(switchInterfaces).toHaveLength(57);
    const notConfirmed = switchInterfaces.filter((entry) => entry.action !== 'confirmed');
    expect(notConfirmed).toEqual([]);
    expect(switchInterfaces.find((entry) => entry.key === 'Vl2')).toMatchObject({ objectId: expect.any(String), current: { macAddress: 'e8:04:62:78:f2:41' } });
    const routerActions = new Set((await entriesOf(run.id, `deviceId=${ids.router}&collectorType=interfaces`)).map((entry) => entry.action));
    expect(routerActions).toEqual(new Set(['new']));
    ids.secondRun = run.id;
  });

  it('lists the plan and prints its report with the CLI', async () => {
    const plans = await yard('plans', '--q', SUFFIX);
    expect(plans.stdout).toMatch(new RegExp(`${ids.plan}\\s+Collect Lab ${SUFFIX}\\s+completed\\s+default\\s+\\S+\\s+${ids.secondRun}`));

    const shown = await yard('report', ids.firstRun, '--device', ids.switch, '--status', 'applied', '--limit', '100');
    expect(shown.stdout).toContain(`Facts report ${ids.firstRun}`);
    expect(shown.stdout).toContain(`Plan:     Collect Lab ${SUFFIX} (${ids.plan}), detect only`);
    expect(shown.stdout).toContain('Status:   partial');
    expect(shown.stdout).toContain('Devices:  2: 2 collected, 0 failed');
    expect(shown.stdout).toMatch(/Vl2\s+new\s+applied/);
  });
});
