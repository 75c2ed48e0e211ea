import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { FactsReportEntryView, FactsReportView, FactsResolveResult } from '@yardmaster/contracts';
import type { FetchLike } from '../api-client';
import { createIo, type Output } from '../io';
import { main } from '../main';

class Captured implements Output {
  text = '';
  readonly isTTY = false;
  write(text: string): void {
    this.text += text;
  }
}

const REPORT_ID = '0b6f3b7e-1d6c-4e4e-9d35-5f3c1c6f4a11';
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const REPORT: FactsReportView = {
  id: REPORT_ID,
  runId: REPORT_ID,
  planId: 'plan-1',
  planName: 'Core switches',
  detectOnly: true,
  status: 'partial',
  collectorTypes: ['interfaces'],
  devices: { total: 2, collected: 1, failed: 1 },
  entries: { total: 2, expected: 2, byAction: { new: 1, changed: 1, confirmed: 0, stale: 0 }, byStatus: { pending: 1, applied: 0, skipped: 0, failed: 1 } },
  openedAt: '2026-03-01T10:00:00.000Z',
  closedAt: '2026-03-01T10:05:00.000Z',
  updatedAt: '2026-03-01T10:05:00.000Z',
  failedDevices: [{ deviceId: 'd2', deviceName: 'sw2', code: 'SNMP_TIMEOUT', message: 'no answer within 60 s' }],
};

const entry = (fields: Partial<FactsReportEntryView>): FactsReportEntryView => ({
  id: 'e1',
  reportId: REPORT_ID,
  collectorType: 'interfaces',
  deviceId: 'd1',
  deviceName: 'sw1',
  objectType: 'interface',
  key: 'Gi0/1',
  action: 'new',
  objectId: null,
  detected: { name: 'Gi0/1' },
  current: null,
  status: 'pending',
  error: null,
  resolvedAt: null,
  resolvedBy: null,
  ...fields,
});

const ENTRIES = [
  entry({}),
  entry({ id: 'e2', key: 'Gi0/2', action: 'changed', detected: { name: 'Gi0/2', mtu: 9000 }, current: { name: 'Gi0/2', mtu: 1500 }, status: 'failed', error: { code: 'INVENTORY_CONFLICT', message: 'taken' } }),
];

/** A fake API answering the report routes; records what was asked. */
function fakeApi(resolveResult?: FactsResolveResult) {
  const requests: Array<{ method: string; url: URL; body: unknown }> = [];
  const fetchImpl: FetchLike = async (url, init = {}) => {
    const request = { method: init.method ?? 'GET', url: new URL(url), body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined };
    requests.push(request);
    const path = request.url.pathname;
    if (path === `/api/facts-reports/${REPORT_ID}`) return json(REPORT);
    if (path === `/api/facts-reports/${REPORT_ID}/entries`) return json({ items: ENTRIES, total: 5, limit: 100, offset: 0 });
    if (request.method === 'POST' && resolveResult) return json(resolveResult);
    return json({ code: 'FACTS_REPORT_NOT_FOUND', message: 'No facts report has the id' }, 404);
  };
  return { fetchImpl, requests };
}

async function yard(argv: string[], fetchImpl: FetchLike) {
  const stdout = new Captured();
  const stderr = new Captured();
  const env = { YARD_URL: 'http://api.test:3000', NO_COLOR: '1' };
  const code = await main(argv, { io: createIo(stdout, stderr, env), env, fetchImpl, configPath: join(tmpdir(), 'yard-report-tests-none', 'config.json') });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('yard report', () => {
  it('prints the summary, the devices that failed, then the entries with what changed or why they failed', async () => {
    const { fetchImpl, requests } = fakeApi();
    const { code, stdout } = await yard(['report', REPORT_ID, '--status', 'failed'], fetchImpl);
    expect(code).toBe(0);
    expect(stdout).toContain(`Facts report ${REPORT_ID}`);
    expect(stdout).toContain('Plan:     Core switches (plan-1), detect only');
    expect(stdout).toContain('Status:   partial');
    expect(stdout).toContain('Devices:  2: 1 collected, 1 failed');
    expect(stdout).toContain('Entries:  2: new 1, changed 1, confirmed 0, stale 0');
    expect(stdout).toMatch(/sw2\s+SNMP_TIMEOUT\s+no answer within 60 s/);
    expect(stdout).toMatch(/ID\s+DEVICE\s+COLLECTOR\s+KEY\s+ACTION\s+STATUS\s+DETAIL/);
    expect(stdout).toMatch(/e2\s+sw1\s+interfaces\s+Gi0\/2\s+changed\s+failed\s+INVENTORY_CONFLICT: taken/);
    expect(stdout).toContain('2 of 5 entries');
    expect(requests[1].url.searchParams.get('status')).toBe('failed');
  });

  it('prints JSON with --json', async () => {
    const { code, stdout } = await yard(['report', REPORT_ID, '--json'], fakeApi().fetchImpl);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ report: REPORT, entries: { items: ENTRIES, total: 5, limit: 100, offset: 0 } });
  });

  it('applies the entries named, and exits 11 naming each entry that failed', async () => {
    const result: FactsResolveResult = {
      reportId: REPORT_ID,
      resolution: 'apply',
      resolvedBy: 'ann',
      resolvedAt: '2026-03-01T11:00:00.000Z',
      applied: 1,
      skipped: 0,
      failed: 1,
      entries: [
        { id: 'e1', status: 'applied', error: null, objectId: 'if-1' },
        { id: 'e3', status: 'failed', error: { code: 'INVENTORY_CONFLICT', message: 'the name is taken' }, objectId: null },
      ],
    };
    const { fetchImpl, requests } = fakeApi(result);
    const { code, stdout, stderr } = await yard(['report', 'apply', REPORT_ID, '--entry', 'e1', '--entry', 'e3'], fetchImpl);
    expect(requests[0]).toMatchObject({ method: 'POST', body: { entries: ['e1', 'e3'] } });
    expect(requests[0].url.pathname).toBe(`/api/facts-reports/${REPORT_ID}/apply`);
    expect(stdout).toBe(`Applied 1 of 2 entries of facts report ${REPORT_ID}, 1 failed\n`);
    expect(stderr).toBe('Entry e3 failed (INVENTORY_CONFLICT): the name is taken\n');
    expect(code).toBe(11);
  });

  it('skips every pending entry without --entry, and exits 0', async () => {
    const result: FactsResolveResult = { reportId: REPORT_ID, resolution: 'skip', resolvedBy: 'ann', resolvedAt: '2026-03-01T11:00:00.000Z', applied: 0, skipped: 1, failed: 0, entries: [{ id: 'e1', status: 'skipped', error: null, objectId: null }] };
    const { fetchImpl, requests } = fakeApi(result);
    const { code, stdout } = await yard(['report', 'skip', REPORT_ID], fetchImpl);
    expect(requests[0]).toMatchObject({ method: 'POST', body: {} });
    expect(requests[0].url.pathname).toBe(`/api/facts-reports/${REPORT_ID}/skip`);
    expect(stdout).toBe(`Skipped 1 of 1 entries of facts report ${REPORT_ID}\n`);
    expect(code).toBe(0);
  });

  it('exits 11 with the API error for an unknown report, and 10 without an id', async () => {
    expect(await yard(['report', 'nope'], fakeApi().fetchImpl)).toMatchObject({ code: 11, stderr: expect.stringContaining('FACTS_REPORT_NOT_FOUND') });
    expect((await yard(['report', 'apply'], fakeApi().fetchImpl)).code).toBe(10);
  });
});
