/**
 * Facts reports through the whole stack: a plan run's report published straight to the stack's FACTS stream (as
 * the collector publishes it), read over REST with its counts and failed devices, some entries applied (one the
 * inventory refuses fails alone, the others change the inventory), the rest skipped with the CLI, and the
 * report's status following netbox_facts' rule. Refusals: an entry no longer pending (409, nothing done), an
 * unknown report (404), and a user who may only look (403).
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { factsEventKind, newEvent, subjectsFor, type FactsEntry, type FactsEvent } from '@yardmaster/contracts';
import { connectNats, EventPublisher, type NatsConnection } from '@yardmaster/messaging';
import { waitFor } from '@yardmaster/testing';
import { uniqueSuffix } from './support/unique-names';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(180_000);

const CLI = join(__dirname, '..', 'apps', 'cli', 'dist', 'main.js');
const SUFFIX = uniqueSuffix();

describe('facts reports', () => {
  let stack: YardmasterStack;
  let nc: NatsConnection;
  let publisher: EventPublisher;

  beforeAll(async () => {
    stack = await YardmasterStack.shared();
    nc = await connectNats(stack.dependencies.natsUrl, `facts-reports-e2e-${SUFFIX}`);
    publisher = new EventPublisher(nc);
  });

  afterAll(async () => {
    await nc?.drain();
    await stack?.stop();
  });

  async function send(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const { status, body: answer } = await stack.admin.request(method, path, body);
    return { status, body: answer };
  }

  async function create(path: string, body: object): Promise<any> {
    const created = await send('POST', `/api/inventory/${path}`, body);
    if (created.status !== 201) throw new Error(`POST ${path}: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body;
  }

  /** Publishes a report's events in order, as a plan run's collector does. */
  async function publishReport(reportId: string, events: Array<{ type: FactsEvent['type']; id: string; data: unknown }>): Promise<void> {
    const subjects = subjectsFor(stack.instance);
    for (const { type, id, data } of events) {
      const event = newEvent({ id: `${reportId}:${id}`, type, occurredAt: new Date().toISOString(), aggregateId: reportId, sequence: 1, correlationId: reportId, actor: 'system:collector', data });
      await publisher.publish(subjects.factsEvent(reportId, factsEventKind(type)), event);
    }
  }

  function opened(reportId: string, planId: string, devices: Array<{ id: string; name: string }>) {
    return { type: 'facts.report_opened' as const, id: 'opened', data: { runId: reportId, planId, planName: `Core ${SUFFIX}`, detectOnly: true, collectorTypes: ['interfaces', 'ip_addresses', 'inventory', 'facts'], devices, openedAt: new Date().toISOString() } };
  }

  async function reportWhen(reportId: string, predicate: (report: any) => boolean, what: string): Promise<any> {
    return waitFor(
      async () => {
        const { status, body } = await send('GET', `/api/facts-reports/${reportId}`);
        return status === 200 && predicate(body) ? body : undefined;
      },
      20_000,
      what,
    );
  }

  const ids: Record<string, string> = {};
  const reportId = randomUUID();
  const planId = `plan-${SUFFIX}`;
  const entries: Record<string, FactsEntry> = {};

  it('builds the report from the events on the FACTS stream, with counts, failed devices and filters', async () => {
    const site = await create('sites', { name: `Facts site ${SUFFIX}` });
    const role = await create('device-roles', { name: `Facts role ${SUFFIX}` });
    ids.sw1 = (await create('devices', { name: `facts-sw1-${SUFFIX}`, siteId: site.id, roleId: role.id })).id;
    ids.sw2 = (await create('devices', { name: `facts-sw2-${SUFFIX}`, siteId: site.id, roleId: role.id })).id;
    ids.uplink = (await create('interfaces', { deviceId: ids.sw1, name: 'Gi0/2', mtu: 1500 })).id;
    ids.taken = (await create('interfaces', { deviceId: ids.sw1, name: 'Gi0/9' })).id;
    ids.psu = (await create('inventory-items', { deviceId: ids.sw1, name: 'PSU 1', class: 'powerSupply' })).id;

    const sw1 = { deviceId: ids.sw1, deviceName: `facts-sw1-${SUFFIX}` };
    const make = (name: string, fields: Partial<FactsEntry> & Pick<FactsEntry, 'objectType' | 'key' | 'action' | 'collectorType'>): FactsEntry =>
      (entries[name] = { id: `${reportId}:${name}`, ...sw1, objectId: null, detected: null, current: null, ...fields });
    make('newInterface', { collectorType: 'interfaces', objectType: 'interface', key: 'Gi0/1', action: 'new', detected: { deviceId: ids.sw1, name: 'Gi0/1', type: 'ethernet', mtu: 1500 } });
    make('changedInterface', { collectorType: 'interfaces', objectType: 'interface', key: 'Gi0/2', action: 'changed', objectId: ids.uplink, detected: { deviceId: ids.sw1, name: 'Gi0/2', mtu: 9000 }, current: { deviceId: ids.sw1, name: 'Gi0/2', mtu: 1500 } });
    make('conflicting', { collectorType: 'interfaces', objectType: 'interface', key: 'Gi0/9 (again)', action: 'new', detected: { deviceId: ids.sw1, name: 'Gi0/9' } });
    make('newAddress', { collectorType: 'ip_addresses', objectType: 'ip_address', key: '|10.20.0.1', action: 'new', detected: { address: '10.20.0.1/24', interfaceName: 'Gi0/1' } });
    make('stalePsu', { collectorType: 'inventory', objectType: 'inventory_item', key: 'PSU 1', action: 'stale', objectId: ids.psu, current: { deviceId: ids.sw1, name: 'PSU 1' } });
    make('facts', { collectorType: 'facts', objectType: 'device', key: 'facts', action: 'changed', objectId: ids.sw1, detected: { vendor: 'Cisco' }, current: { vendor: null } });
    const [first, second, ...rest] = Object.values(entries);

    await publishReport(reportId, [
      opened(reportId, planId, [
        { id: ids.sw1, name: sw1.deviceName },
        { id: ids.sw2, name: `facts-sw2-${SUFFIX}` },
      ]),
      { type: 'facts.entries_detected', id: 'sw1:1', data: { ...sw1, part: 1, parts: 2, entries: [first, second] } },
      { type: 'facts.entries_detected', id: 'sw1:2', data: { ...sw1, part: 2, parts: 2, entries: rest } },
      { type: 'facts.device_failed', id: 'sw2:failed', data: { deviceId: ids.sw2, deviceName: `facts-sw2-${SUFFIX}`, code: 'SNMP_TIMEOUT', message: 'No answer within 60 s' } },
      { type: 'facts.report_closed', id: 'closed', data: { closedAt: new Date().toISOString(), devicesCollected: 1, devicesFailed: 1, entries: 6 } },
    ]);

    const report = await reportWhen(reportId, (body) => body.closedAt !== null, 'the closed report');
    expect(report).toMatchObject({
      id: reportId,
      runId: reportId,
      planId,
      detectOnly: true,
      status: 'pending',
      devices: { total: 2, collected: 1, failed: 1 },
      entries: { total: 6, expected: 6, byAction: { new: 3, changed: 2, confirmed: 0, stale: 1 }, byStatus: { pending: 6, applied: 0, skipped: 0, failed: 0 } },
      failedDevices: [{ deviceId: ids.sw2, code: 'SNMP_TIMEOUT', message: 'No answer within 60 s' }],
    });

    const listed = await send('GET', `/api/facts-reports?planId=${planId}`);
    expect(listed.body).toMatchObject({ total: 1, items: [{ id: reportId, status: 'pending' }] });
    expect((await send('GET', `/api/facts-reports?planId=${planId}&status=applied`)).body.total).toBe(0);
    const news = await send('GET', `/api/facts-reports/${reportId}/entries?action=new&limit=2`);
    expect(news.body).toMatchObject({ total: 3, limit: 2 });
    expect(news.body.items).toHaveLength(2);
    expect(news.body.items[0]).toMatchObject({ reportId, action: 'new', status: 'pending', deviceName: sw1.deviceName });
    expect((await send('GET', `/api/facts-reports/${reportId}/entries?status=done`)).body).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ field: 'status' }] });
  });

  it('applies the entries named: one the inventory refuses fails alone, the others change the inventory', async () => {
    const named = ['newInterface', 'changedInterface', 'conflicting', 'newAddress'].map((name) => entries[name].id);
    const applied = await send('POST', `/api/facts-reports/${reportId}/apply`, { entries: named });
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ reportId, resolution: 'apply', resolvedBy: 'admin', applied: 3, skipped: 0, failed: 1 });
    expect(applied.body.entries.map((entry: any) => entry.id)).toEqual(named);
    expect(applied.body.entries[2]).toMatchObject({ status: 'failed', objectId: null, error: { code: 'INVENTORY_CONFLICT' } });

    const newInterface = await send('GET', `/api/inventory/interfaces/${applied.body.entries[0].objectId}`);
    expect(newInterface.body).toMatchObject({ deviceId: ids.sw1, name: 'Gi0/1', mtu: 1500 });
    expect((await send('GET', `/api/inventory/interfaces/${ids.uplink}`)).body).toMatchObject({ mtu: 9000 });
    expect((await send('GET', `/api/inventory/ip-addresses/${applied.body.entries[3].objectId}`)).body).toMatchObject({ address: '10.20.0.1/24', interfaceId: newInterface.body.id });
    expect((await send('GET', `/api/inventory/interfaces?device=${ids.sw1}`)).body.items.map((item: any) => item.name)).toEqual(['Gi0/1', 'Gi0/2', 'Gi0/9']);

    // The answer comes once the projection shows it: the next read agrees.
    const report = (await send('GET', `/api/facts-reports/${reportId}`)).body;
    expect(report).toMatchObject({ status: 'partial', entries: { byStatus: { pending: 2, applied: 3, skipped: 0, failed: 1 } } });
    const failed = (await send('GET', `/api/facts-reports/${reportId}/entries?status=failed`)).body.items;
    expect(failed).toEqual([expect.objectContaining({ id: entries.conflicting.id, error: { code: 'INVENTORY_CONFLICT', message: expect.any(String) }, resolvedBy: 'admin' })]);
    const created = (await send('GET', `/api/facts-reports/${reportId}/entries?status=applied&action=new`)).body.items;
    expect(created.map((entry: any) => entry.objectId).sort()).toEqual([applied.body.entries[0].objectId, applied.body.entries[3].objectId].sort());
  });

  it('refuses a whole request naming an entry that is not pending, an unknown report, and a user who may only look', async () => {
    const again = await send('POST', `/api/facts-reports/${reportId}/skip`, { entries: [entries.stalePsu.id, entries.newInterface.id, 'no-such-entry'] });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'FACTS_ENTRY_NOT_PENDING',
      fieldErrors: [
        { field: 'entries[1]', message: 'is applied already' },
        { field: 'entries[2]', message: 'is not an entry of this report' },
      ],
    });
    expect((await send('GET', `/api/facts-reports/${reportId}`)).body.entries.byStatus).toMatchObject({ pending: 2, skipped: 0 });

    expect((await send('POST', `/api/facts-reports/${randomUUID()}/apply`, {})).body).toMatchObject({ code: 'FACTS_REPORT_NOT_FOUND' });
    expect((await send('GET', `/api/facts-reports/${randomUUID()}`)).status).toBe(404);
    expect((await send('POST', `/api/facts-reports/${reportId}/apply`, { entries: [], force: true })).body).toMatchObject({ code: 'VALIDATION_FAILED' });

    const viewer = await stack.createUser(`facts-viewer-${SUFFIX}`, ['inventory.view']);
    expect((await viewer.request('GET', `/api/facts-reports/${reportId}`)).status).toBe(200);
    expect((await viewer.request('POST', `/api/facts-reports/${reportId}/skip`, {})).body).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('shows the report with the CLI, skips the rest with it, and the report ends partial with the inventory as applied', async () => {
    const yard = (...args: string[]) =>
      promisify(execFile)(process.execPath, [CLI, ...args], { env: { ...process.env, YARD_URL: stack.apiUrl, YARD_TOKEN: stack.adminToken, NO_COLOR: '1' } });

    const shown = await yard('report', reportId);
    expect(shown.stdout).toContain(`Facts report ${reportId}`);
    expect(shown.stdout).toContain('Status:   partial');
    expect(shown.stdout).toMatch(/SNMP_TIMEOUT\s+No answer within 60 s/);
    expect(shown.stdout).toMatch(/Gi0\/2\s+changed\s+applied/);
    expect(shown.stdout).toMatch(/Gi0\/9 \(again\)\s+new\s+failed\s+INVENTORY_CONFLICT/);

    const skipped = await yard('report', 'skip', reportId);
    expect(skipped.stdout).toBe(`Skipped 2 of 2 entries of facts report ${reportId}\n`);

    const report = (await send('GET', `/api/facts-reports/${reportId}`)).body;
    expect(report).toMatchObject({ status: 'partial', entries: { byStatus: { pending: 0, applied: 3, skipped: 2, failed: 1 } } });
    expect((await send('GET', `/api/inventory/inventory-items/${ids.psu}`)).status).toBe(200);
    expect((await send('GET', `/api/inventory/devices/${ids.sw1}`)).body.facts).toMatchObject({ vendor: null });

    const asJson = JSON.parse((await yard('report', reportId, '--json', '--status', 'skipped')).stdout);
    expect(asJson.entries.items.map((entry: any) => entry.id).sort()).toEqual([entries.stalePsu.id, entries.facts.id].sort());

    const audit = (await send('GET', `/api/audit?targetType=facts-report&targetId=${reportId}`)).body;
    expect(audit.items.map((entry: any) => entry.summary).sort()).toEqual([`applied 3, failed 1 entries of facts report ${reportId}`, `skipped 2 entries of facts report ${reportId}`]);
  });

  it('reads applied once every entry is applied, with the device facts recorded', async () => {
    const secondReport = randomUUID();
    const factsEntry: FactsEntry = {
      id: `${secondReport}:facts`,
      collectorType: 'facts',
      deviceId: ids.sw2,
      deviceName: `facts-sw2-${SUFFIX}`,
      objectType: 'device',
      key: 'facts',
      action: 'changed',
      objectId: ids.sw2,
      detected: { vendor: 'Juniper', model: 'MX960', serial: 'JN11F1234AFA' },
      current: { vendor: null },
    };
    await publishReport(secondReport, [
      opened(secondReport, planId, [{ id: ids.sw2, name: factsEntry.deviceName }]),
      { type: 'facts.entries_detected', id: 'sw2:1', data: { deviceId: ids.sw2, deviceName: factsEntry.deviceName, part: 1, parts: 1, entries: [factsEntry] } },
      { type: 'facts.report_closed', id: 'closed', data: { closedAt: new Date().toISOString(), devicesCollected: 1, devicesFailed: 0, entries: 1 } },
    ]);
    await reportWhen(secondReport, (body) => body.status === 'pending', 'the second report');

    const applied = await send('POST', `/api/facts-reports/${secondReport}/apply`, {});
    expect(applied.body).toMatchObject({ applied: 1, failed: 0, entries: [{ id: factsEntry.id, status: 'applied', objectId: ids.sw2 }] });
    expect((await send('GET', `/api/facts-reports/${secondReport}`)).body.status).toBe('applied');
    expect((await send('GET', `/api/inventory/devices/${ids.sw2}`)).body.facts).toMatchObject({ vendor: 'Juniper', model: 'MX960', serial: 'JN11F1234AFA' });
    expect((await send('POST', `/api/facts-reports/${secondReport}/apply`, {})).body).toMatchObject({ applied: 0, entries: [] });
    expect((await send('GET', `/api/facts-reports?planId=${planId}`)).body.items.map((item: any) => item.id)).toEqual([secondReport, reportId]);
  });
});
