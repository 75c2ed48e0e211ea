import { projectionCli } from './support/projection-cli';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(120_000);

describe('rebuilding the read models through REST and the command line', () => {
  let stack: YardmasterStack;

  beforeAll(async () => {
    stack = await YardmasterStack.shared();
  });

  afterAll(() => stack?.stop());

  it('answers an administrator with what it replayed and compared, and audits it', async () => {
    const response = await stack.admin.post('/api/read-models/rebuild', JSON.stringify({ model: 'catalog' }));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ model: 'catalog', swapped: false, tables: [{ table: 'job_definitions', rebuilt: { rows: expect.any(Number) } }] });
    expect(response.body.tables[0].rebuilt.rows).toBeGreaterThan(0);
    expect(response.body.streams).toEqual([expect.objectContaining({ stream: expect.stringMatching(/_CATALOG$/), consumer: `${stack.instance}_projection` })]);
    const audit = await stack.admin.getJson('/api/audit?action=read_models.checked');
    expect(audit.status).toBe(200);
    expect(audit.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ actor: 'admin', action: 'read_models.checked', targetId: 'catalog' })]));
  });

  it('refuses a bad request with VALIDATION_FAILED, and anyone but an administrator with FORBIDDEN', async () => {
    const bad = await stack.admin.post('/api/read-models/rebuild', JSON.stringify({ model: 'users' }));
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const unknown = await stack.admin.post('/api/read-models/rebuild', JSON.stringify({ swapp: true }));
    expect(unknown.status).toBe(400);
    const anonymous = await fetch(`${stack.apiUrl}/api/read-models/rebuild`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(anonymous.status).toBe(401);
  });

  it('runs from `npm run projection -- rebuild`, printing each table compared', async () => {
    const { code, stdout, stderr } = await projectionCli(stack, ['rebuild', '--model', 'schedules']);
    expect({ code, stderr: code === 0 || code === 2 ? '' : stderr }).toEqual({ code: expect.any(Number), stderr: '' });
    expect([0, 2]).toContain(code);
    expect(stdout).toMatch(/^table schedules: (identical|DIFFERS)/m);
    const usage = await projectionCli(stack, ['rebuild', '--model', 'users']);
    expect(usage.code).toBe(64);
    expect(usage.stderr).toContain('--model takes one of runs, logs, schedules, catalog, audit, facts, all, not users');
  });
});
