import { uniqueSuffix } from './support/unique-names';
import { YardmasterStack } from './support/yardmaster-stack';

const NEW_BRANCH = 'inventory.NewBranch';
const REPORT = 'inventory.PrimaryAddressReport';
const IMPORT = 'inventory.ImportDevices';
// The shared stack holds other files' inventory: every site, role, platform and tag here has a name (and so a
// slug) of its own; the switches NewBranch and AddSwitches make are named after their site's slug.
const SUFFIX = uniqueSuffix();
const ACCESS_SWITCH = `Access Switch ${SUFFIX}`;
const ARISTA_EOS = `Arista EOS ${SUFFIX}`;
const FRANKFURT = `Frankfurt 1 ${SUFFIX}`;
const HAMBURG_2 = { name: `Hamburg 2 ${SUFFIX}`, slug: `hamburg-2-${SUFFIX}` };
const HAMBURG_3 = { name: `Hamburg 3 ${SUFFIX}`, slug: `hamburg-3-${SUFFIX}` };
const KIEL = `Kiel 1 ${SUFFIX}`;
const LISBON = { name: `Lisbon 1 ${SUFFIX}`, slug: `lisbon-1-${SUFFIX}` };
const LAB = `lab-${SUFFIX}`;
/** `text` as a regular expression that matches it literally. */
const literally = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Jobs that act on the inventory, through the whole stack: object variables resolved to records, dry runs
 * that leave the inventory as it was, commits that save, a read-only report, and a CSV import.
 */
describe('jobs acting on the inventory', () => {
  let stack: YardmasterStack;
  let accessRole: { id: string; name: string };
  let platform: { id: string; name: string };
  let site: { id: string; name: string };

  beforeAll(async () => {
    stack = await YardmasterStack.shared();
    accessRole = await create('/api/inventory/device-roles', { name: ACCESS_SWITCH });
    platform = await create('/api/inventory/platforms', { name: ARISTA_EOS, networkDriver: 'arista_eos' });
    site = await create('/api/inventory/sites', { name: FRANKFURT, status: 'active' });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  async function create(path: string, body: object): Promise<any> {
    const response = await stack.post(path, JSON.stringify(body));
    if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async function count(path: string): Promise<number> {
    return (await stack.getJson(path)).body.total;
  }

  const newBranch = (siteName: string) => ({ siteName, switchCount: 3, switchRole: accessRole.id, switchPlatform: platform.id });

  it('with commit: false logs what the new branch would create and leaves the inventory unchanged', async () => {
    const sitesBefore = await count('/api/inventory/sites');
    const devicesBefore = await count('/api/inventory/devices');

    const runId = await stack.startRun(NEW_BRANCH, { data: newBranch(HAMBURG_2.name), commit: false });
    const run = await stack.waitForRunToEnd(runId);

    expect(run).toMatchObject({ status: 'completed', commit: false });
    expect(String(run.result).split('\n')).toEqual([
      'name,site,role,platform,status',
      `${HAMBURG_2.slug}-sw01,${HAMBURG_2.name},${ACCESS_SWITCH},${ARISTA_EOS},planned`,
      `${HAMBURG_2.slug}-sw02,${HAMBURG_2.name},${ACCESS_SWITCH},${ARISTA_EOS},planned`,
      `${HAMBURG_2.slug}-sw03,${HAMBURG_2.name},${ACCESS_SWITCH},${ARISTA_EOS},planned`,
    ]);
    const messages = (await stack.logsOf(runId)).map((entry) => `${entry.grouping}: ${entry.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        `run: Created site ${HAMBURG_2.name}`,
        `run: Created ${ACCESS_SWITCH} ${HAMBURG_2.slug}-sw01`,
        expect.stringMatching(new RegExp(`^run: Dry run: the 4 inventory changes of step run were not saved \\(created site "${literally(HAMBURG_2.name)}", created device "${literally(HAMBURG_2.slug)}-sw01"`)),
        // The test step runs in a transaction of its own and still sees what `run` did: the dry run's changes are replayed.
        `test_switches_in_place: Site ${HAMBURG_2.name} has its 3 switches`,
      ]),
    );
    expect(await count(`/api/inventory/sites?name=${encodeURIComponent(HAMBURG_2.name)}`)).toBe(0);
    expect(await count('/api/inventory/sites')).toBe(sitesBefore);
    expect(await count('/api/inventory/devices')).toBe(devicesBefore);
  });

  it('with commit: true creates the site and its switches', async () => {
    const runId = await stack.startRun(NEW_BRANCH, { data: newBranch(HAMBURG_3.name), commit: true });
    const run = await stack.waitForRunToEnd(runId);
    expect(run).toMatchObject({ status: 'completed', commit: true });

    const sites = (await stack.getJson(`/api/inventory/sites?name=${encodeURIComponent(HAMBURG_3.name)}`)).body;
    expect(sites.items).toEqual([expect.objectContaining({ name: HAMBURG_3.name, slug: HAMBURG_3.slug, status: 'planned' })]);
    const devices = (await stack.getJson(`/api/inventory/devices?site=${sites.items[0].id}`)).body;
    expect(devices.items.map((device: { name: string }) => device.name)).toEqual([`${HAMBURG_3.slug}-sw01`, `${HAMBURG_3.slug}-sw02`, `${HAMBURG_3.slug}-sw03`]);
    expect(devices.items[0]).toMatchObject({ roleId: accessRole.id, platformId: platform.id, status: 'planned' });
    const messages = (await stack.logsOf(runId)).map((entry) => entry.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^Saved the 4 inventory changes of step run: created site "${literally(HAMBURG_3.name)}"`))]));
  });

  it('refuses object ids that name no record, or a record outside the query filters, one error per field', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const response = await stack.post(`/api/jobs/${NEW_BRANCH}/runs`, JSON.stringify({ data: { ...newBranch('Nowhere'), switchRole: unknown, switchPlatform: 'eos' } }));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(response.body.fieldErrors).toEqual(
      expect.arrayContaining([
        { field: 'data.switchPlatform', message: 'must be the id (a UUID) of a platform' },
      ]),
    );
    // The malformed id is reported first; once every id is well formed, the unknown one is.
    const second = await stack.post(`/api/jobs/${NEW_BRANCH}/runs`, JSON.stringify({ data: { ...newBranch('Nowhere'), switchRole: unknown } }));
    expect(second.status).toBe(400);
    expect(second.body.fieldErrors).toEqual([{ field: 'data.switchRole', message: `no device role has the id ${unknown}` }]);

    // examples.AllVariables: `devices` must be active devices of the chosen `site`.
    const elsewhere = await create('/api/inventory/sites', { name: `Elsewhere ${SUFFIX}` });
    const device = await create('/api/inventory/devices', { name: 'edge-9', siteId: elsewhere.id, roleId: accessRole.id, status: 'active' });
    const outside = await stack.post('/api/jobs/examples.AllVariables/runs', JSON.stringify({ data: { site: site.id, devices: [device.id] } }));
    expect(outside.status).toBe(400);
    expect(outside.body.fieldErrors).toEqual([{ field: 'data.devices', message: `must be a device matching site=${site.id}, status=active; ${device.id} does not` }]);
    const inside = await stack.startRun('examples.AllVariables', { data: { site: elsewhere.id, devices: [device.id] } });
    const run = await stack.waitForRunToEnd(inside);
    expect(run).toMatchObject({ status: 'completed', result: { received: { site: `Elsewhere ${SUFFIX}`, devices: ['edge-9'] } } });
  });

  it('fails a run whose object was deleted after the request, naming the variable', async () => {
    const doomed = await create('/api/inventory/platforms', { name: `Doomed OS ${SUFFIX}` });
    const startAt = new Date(Date.now() + 4_000).toISOString();
    const runId = await stack.startRun(NEW_BRANCH, { data: { ...newBranch(KIEL), switchPlatform: doomed.id }, startAt });
    expect((await stack.sendDelete(`/api/inventory/platforms/${doomed.id}`)).status).toBe(204);

    const run = await stack.waitForRunToEnd(runId, 30_000);
    expect(run.status).toBe('failed');
    const failures = (await stack.logsOf(runId)).filter((entry) => entry.level === 'failure').map((entry) => entry.message);
    expect(failures).toEqual([`Variable switchPlatform: the platform ${doomed.id} no longer exists (deleted after the run was requested), so the job did not run`]);
    expect(await count(`/api/inventory/sites?name=${encodeURIComponent(KIEL)}`)).toBe(0);
  });

  it('reports every active device without a primary address, with a link to it; a read-only job has no commit', async () => {
    const core = await create('/api/inventory/device-roles', { name: `Core Router ${SUFFIX}` });
    const good = await create('/api/inventory/devices', { name: 'core-1', siteId: site.id, roleId: core.id, status: 'active', primaryAddress: '192.0.2.1/24' });
    const bad = await create('/api/inventory/devices', { name: 'core-2', siteId: site.id, roleId: core.id, status: 'active' });

    const refused = await stack.post(`/api/jobs/${REPORT}/runs`, JSON.stringify({ commit: true }));
    expect(refused.status).toBe(400);
    expect(refused.body.fieldErrors).toEqual([{ field: 'commit', message: `must be left out: ${REPORT} is read-only, it changes nothing, so its runs have no commit` }]);

    const runId = await stack.startRun(REPORT);
    const run = await stack.waitForRunToEnd(runId);
    expect(run).toMatchObject({ status: 'failed', commit: null });
    const entries = (await stack.getJson(`/api/runs/${runId}/logs?grouping=test_primary_address&limit=500`)).body.items as Array<any>;
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 'success', message: 'core-1 has primary address 192.0.2.1/24', object: expect.objectContaining({ type: 'device', id: good.id, url: `/api/inventory/devices/${good.id}` }) }),
        expect.objectContaining({ level: 'failure', message: 'core-2 has no primary address', object: expect.objectContaining({ type: 'device', id: bad.id, display: 'core-2' }) }),
      ]),
    );
    // Every active device is checked once, and the link leads to the device.
    const activeDevices = await count('/api/inventory/devices?status=active');
    expect(entries.filter((entry) => entry.level === 'success' || entry.level === 'failure')).toHaveLength(activeDevices);
    expect((await stack.getJson(entries.find((entry) => entry.object?.id === bad.id).object.url)).body).toMatchObject({ name: 'core-2' });
  });

  it('imports devices from an uploaded CSV file: a dry run by default, saved with commit: true', async () => {
    await create('/api/inventory/tags', { name: `Lab ${SUFFIX}` });
    const csv = [
      'name,site,role,platform,status,primary_address,tags',
      `lab-1,frankfurt-1-${SUFFIX},access-switch-${SUFFIX},arista-eos-${SUFFIX},active,198.51.100.11/24,${LAB}`,
      `lab-2,${FRANKFURT},${ACCESS_SWITCH},,planned,,`,
      `lab-3,nowhere,access-switch-${SUFFIX},,,,`,
    ].join('\n');
    const upload = async (commit?: boolean) => {
      const form = new FormData();
      form.append('devices', new Blob([csv], { type: 'text/csv' }), 'devices.csv');
      if (commit !== undefined) form.append('commit', String(commit));
      const response = await fetch(`${stack.apiUrl}/api/jobs/${IMPORT}/runs`, { method: 'POST', body: form, headers: stack.admin.headers() });
      const body = (await response.json()) as { runId: string };
      if (response.status !== 202) throw new Error(`import not accepted: ${response.status} ${JSON.stringify(body)}`);
      return stack.waitForRunToEnd(body.runId);
    };

    const dryRun = await upload();
    expect(dryRun).toMatchObject({ status: 'failed', commit: false, result: { created: 2, failed: 1 } });
    expect((await stack.logsOf(dryRun.id)).map((entry) => entry.message)).toEqual(
      expect.arrayContaining(['Line 4: no site has the slug or name "nowhere"', 'Dry run: 2 devices would be created; nothing is saved']),
    );
    expect(await count(`/api/inventory/devices?q=lab-&site=${site.id}`)).toBe(0);

    const committed = await upload(true);
    expect(committed).toMatchObject({ status: 'failed', commit: true, result: { created: 2, failed: 1 } });
    const lab1 = (await stack.getJson(`/api/inventory/devices?name=lab-1&site=${site.id}`)).body.items[0];
    expect(lab1).toMatchObject({ siteId: site.id, roleId: accessRole.id, platformId: platform.id, primaryAddress: '198.51.100.11/24', tags: [LAB] });
    expect(await count(`/api/inventory/devices?q=lab-&site=${site.id}`)).toBe(2);
  });

  it('adds switches with examples.AddSwitches, each run once: its ledger entry is saved with the switches it tags', async () => {
    const lisbon = await create('/api/inventory/sites', { name: LISBON.name });
    const addSwitches = async (count: number) => {
      const runId = await stack.startRun('examples.AddSwitches', { data: { site: lisbon.id, role: accessRole.id, count } });
      return stack.waitForRunToEnd(runId);
    };

    const first = await addSwitches(2);
    expect(first).toMatchObject({ status: 'completed', commit: true, result: { site: LISBON.name, switches: [`${LISBON.slug}-sw01`, `${LISBON.slug}-sw02`] } });
    const ledger = (await stack.getJson(`/api/inventory/tags?name=${encodeURIComponent(`step ${first.id}:run`)}`)).body.items;
    expect(ledger).toHaveLength(1);
    expect(await count(`/api/inventory/devices?tag=${ledger[0].slug}`)).toBe(2);

    // Another run is another key: it adds its own switches after the first run's.
    const second = await addSwitches(1);
    expect(second).toMatchObject({ status: 'completed', result: { switches: [`${LISBON.slug}-sw03`] } });
    expect(await count(`/api/inventory/devices?site=${lisbon.id}`)).toBe(3);
  });
});
