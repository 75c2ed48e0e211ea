import { jetstreamManager } from '@nats-io/jetstream';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { streamNamesFor } from '@yardmaster/contracts';
import { connectNats } from '@yardmaster/messaging';
import { testDependencies, waitFor } from '@yardmaster/testing';
import type { ApiSession } from './support/api-session';
import { uniqueSuffix } from './support/unique-names';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(10 * 60_000);

const ENDED = ['completed', 'failed', 'errored', 'cancelled', 'timed_out'];
const CLI = join(__dirname, '..', 'apps', 'cli', 'dist', 'main.js');
// The shared stack's audit holds other files' entries: this file's user and schedule have names of their own, and
// what it counts is what it did (filtered by its user, its schedule, or the time since it began).
const SUFFIX = uniqueSuffix();
const ANN = `ann-${SUFFIX}`;
const SCHEDULE_KEY = `audit-nightly-${SUFFIX}`;

/**
 * The audit end to end: a user runs and cancels, an administrator schedules, overrides and manages users and tokens;
 * `GET /api/audit` then says who did each, filters narrow it with totals to match, and no token secret is anywhere
 * in the audit or on the identity stream.
 */
describe('the audit', () => {
  let stack: YardmasterStack;
  let ann: ApiSession & { tokenId: string };
  let spareToken: ApiSession & { tokenId: string };
  let runId: string;
  let cancelledRunId: string;
  let scheduleId: string;
  let afterRuns: string;
  let began: string;

  const audit = async (query = ''): Promise<{ status: number; body: any }> => stack.getJson(`/api/audit${query}`);
  const fingerprints = (): string[] =>
    [stack.adminToken, ann.token, spareToken.token].flatMap((secret) => [secret, createHash('sha256').update(secret, 'utf8').digest('hex')]);

  beforeAll(async () => {
    stack = await YardmasterStack.shared();
    began = new Date().toISOString();

    ann = await stack.createUser(ANN, [{ permission: 'jobs.run', groupings: ['Examples'] }]);
    runId = await ann.startRun('examples.HelloWorld', { data: { name: 'audit' } });
    cancelledRunId = await ann.startRun('examples.SlowCount', { data: { seconds: 30 } });
    await ann.waitForRun(cancelledRunId, (run) => run.status === 'running', 'running');
    expect((await ann.post(`/api/runs/${cancelledRunId}/cancel`, '')).status).toBe(202);
    await ann.waitForRun(cancelledRunId, (run) => ENDED.includes(run.status), 'to end');
    await ann.waitForRun(runId, (run) => ENDED.includes(run.status), 'to end');
    afterRuns = new Date().toISOString();

    const created = await stack.post('/api/schedules', JSON.stringify({ jobId: 'examples.HelloWorld', key: SCHEDULE_KEY, data: { name: 'x' }, cron: '0 3 1 1 *' }));
    expect(created.status).toBe(201);
    scheduleId = created.body.id;
    expect((await stack.post(`/api/schedules/${scheduleId}/pause`, JSON.stringify({ reason: 'maintenance' }))).status).toBe(200);
    expect((await stack.sendPut('/api/jobs/examples.InterfaceAudit/overrides', { description: 'Audited' })).status).toBe(200);

    spareToken = await stack.issueToken(ANN, { name: 'spare', readOnly: true });
    expect((await stack.sendDelete(`/api/users/${ANN}/tokens/${spareToken.tokenId}`)).status).toBe(200);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('lists who did what, newest first', async () => {
    const { body } = await waitFor(
      async () => {
        const answer = await audit(`?since=${encodeURIComponent(began)}&limit=100`);
        // Eleven entries of this file's own (the twelfth, the administrator's creation, came before it began).
        return answer.body.items?.some((entry: any) => entry.action === 'identity.token_revoked') && answer.body.total >= 11 ? answer : undefined;
      },
      30_000,
      'every entry',
    );
    // The administrator was created when the shared stack started, before this file began.
    const system = await audit('?actor=system:api&action=identity.user_created&targetId=admin');
    const rows = [...body.items, ...system.body.items].map((entry: any) => [entry.actor, entry.action, entry.targetType, entry.targetId]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['system:api', 'identity.user_created', 'user', 'admin'],
        ['admin', 'identity.user_created', 'user', ANN],
        ['admin', 'identity.permissions_replaced', 'user', ANN],
        ['admin', 'identity.token_created', 'token', ann.tokenId],
        [ANN, 'run.requested', 'run', runId],
        [ANN, 'run.requested', 'run', cancelledRunId],
        [ANN, 'run.cancel_requested', 'run', cancelledRunId],
        ['admin', 'schedule.created', 'schedule', scheduleId],
        ['admin', 'schedule.paused', 'schedule', scheduleId],
        ['admin', 'catalog.job_overridden', 'job', 'examples.InterfaceAudit'],
        ['admin', 'identity.token_created', 'token', spareToken.tokenId],
        ['admin', 'identity.token_revoked', 'token', spareToken.tokenId],
      ]),
    );
    expect(body.items.find((entry: any) => entry.action === 'schedule.paused' && entry.targetId === scheduleId).summary).toBe(`paused schedule ${SCHEDULE_KEY}: maintenance`);
    expect(body.items.find((entry: any) => entry.targetId === runId).summary).toBe(`ran examples.HelloWorld (run ${runId})`);
    // Nothing a service did on its own and no run lifecycle: the run.cancelled that followed ann's request is not there.
    expect(body.items.filter((entry: any) => entry.actor.startsWith('schedule:') || entry.action === 'run.cancelled' || entry.action === 'run.log')).toEqual([]);
    const times = body.items.map((entry: any) => entry.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('narrows by actor, action prefix, target and time, with totals that match', async () => {
    const byAnn = await audit(`?actor=${ANN}`);
    expect(byAnn.body.items.map((entry: any) => entry.action).sort()).toEqual(['run.cancel_requested', 'run.requested', 'run.requested']);
    expect(byAnn.body.total).toBe(3);

    const page = await audit(`?actor=${ANN}&limit=1&offset=1`);
    expect(page.body).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(page.body.items).toHaveLength(1);

    const schedules = await audit(`?action=schedule.&targetId=${scheduleId}`);
    expect(schedules.body.items.map((entry: any) => entry.action)).toEqual(['schedule.paused', 'schedule.created']);
    expect(schedules.body.total).toBe(2);

    const spare = await audit(`?targetType=token&targetId=${spareToken.tokenId}`);
    expect(spare.body.items.map((entry: any) => entry.action)).toEqual(['identity.token_revoked', 'identity.token_created']);
    expect(spare.body.total).toBe(2);

    const cancels = await audit(`?action=run.cancel_requested&actor=${ANN}`);
    expect(cancels.body).toMatchObject({ total: 1, items: [{ actor: ANN, targetId: cancelledRunId, summary: `cancelled run ${cancelledRunId}` }] });

    const later = await audit(`?since=${encodeURIComponent(afterRuns)}&action=run.&actor=${ANN}`);
    expect(later.body.total).toBe(0);
    const earlier = await audit(`?until=${encodeURIComponent(afterRuns)}&action=run.&actor=${ANN}`);
    expect(earlier.body.total).toBe(3);
  });

  it('refuses bad filters with field errors, and callers without users.admin', async () => {
    const bad = await audit('?action=RUN%20requested&targetType=router&since=yesterday&limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const fields = (await audit('?action=RUN%20requested&targetType=router&since=yesterday')).body.fieldErrors.map((error: any) => error.field);
    expect(fields).toEqual(['action', 'targetType', 'since']);

    const forbidden = await ann.getJson('/api/audit');
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');
  });

  it('shows the same entries in `yard audit`', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, YARD_URL: stack.apiUrl, YARD_TOKEN: stack.adminToken, NO_COLOR: '1' };
    delete env.FORCE_COLOR;
    const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'audit', '--actor', ANN, '--action', 'run.', '--limit', '2'], { env });
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^WHEN\s+WHO\s+ACTION\s+WHAT/);
    expect(lines.slice(1, 3).every((line) => new RegExp(` ${ANN} +run\\.`).test(line))).toBe(true);
    expect(lines[1]).toContain(`cancelled run ${cancelledRunId}`);
    expect(lines[3]).toBe('2 of 3 entries (--limit for more)');
  });

  it('keeps every token secret (and its hash) out of the audit and the identity stream', async () => {
    const everything = JSON.stringify((await audit('?limit=500')).body);
    const nc = await connectNats(testDependencies.natsUrl, 'audit-e2e-stream-reader');
    try {
      const jsm = await jetstreamManager(nc);
      const stream = streamNamesFor(stack.instance).identity;
      const { state } = await jsm.streams.info(stream);
      const raw: string[] = [];
      for (let seq = state.first_seq; seq <= state.last_seq; seq++) {
        const message = await jsm.streams.getMessage(stream, { seq });
        if (message) raw.push(message.string());
      }
      expect(raw.length).toBeGreaterThanOrEqual(6);
      expect(raw.some((text) => text.includes('"prefix"'))).toBe(true);
      for (const secret of fingerprints()) {
        expect(everything).not.toContain(secret);
        for (const text of raw) expect(text).not.toContain(secret);
      }
    } finally {
      await nc.drain();
    }
  });
});
