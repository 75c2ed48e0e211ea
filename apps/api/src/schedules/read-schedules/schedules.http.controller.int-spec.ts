/**
 * GET /api/schedules, GET /api/schedules/{id} and GET /api/runs?scheduleId= over HTTP, against a real Postgres
 * database of its own (migrated, seeded with rows as the projection writes them, dropped afterwards). Only the
 * read controllers, the auth guard and the error filter are mounted: nothing here talks to NATS. Requests carry
 * an administrator's token.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Module, type INestApplication } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { ScheduleDefinition } from '@yardmaster/contracts';
import { createFirstAdmin, TokenAuthenticator, TokenIssuer, UserDirectory } from '@yardmaster/identity';
import { READ_MODELS } from '@yardmaster/read-models';
import { createTestDatabase, type TestDatabase } from '@yardmaster/testing';
import { API_CONFIG } from '../../api-config.token';
import { AuthGuard } from '../../auth/auth.guard';
import { FailedAuthentications } from '../../auth/failed-authentications/failed-authentications';
import { ErrorFilter } from '../../http/error.filter';
import { PostgresRunsQueries } from '../../runs/read-runs/postgres-runs.queries';
import { RunsHttpController } from '../../runs/read-runs/runs.http.controller';
import { RunsQueries } from '../../runs/read-runs/runs.queries';
import { RunEndNotifications } from '../../runs/wait-for-end/run-end-notifications';
import { RUN_END_WAKEUPS } from '../../runs/wait-for-end/run-end-wakeups.token';
import { PostgresSchedulesQueries } from './postgres-schedules.queries';
import { SchedulesHttpController } from './schedules.http.controller';
import { SchedulesQueries } from './schedules.queries';

jest.setTimeout(30_000);

let db: TestDatabase;
let app: INestApplication | null = null;
let baseUrl: string;
let token: string;

beforeAll(async () => {
  db = await createTestDatabase();
  token = (await createFirstAdmin(db.identityDataSource, 'admin', 'tests'))!.token;
  @Module({
    controllers: [SchedulesHttpController, RunsHttpController],
    providers: [
      { provide: getDataSourceToken(READ_MODELS), useValue: db.dataSource },
      { provide: SchedulesQueries, useClass: PostgresSchedulesQueries },
      { provide: RunsQueries, useClass: PostgresRunsQueries },
      { provide: RUN_END_WAKEUPS, useValue: new RunEndNotifications({ databaseUrl: db.url, applicationName: 'read-schedules-test' }) },
      { provide: API_CONFIG, useValue: { temporal: { uiUrl: 'http://127.0.0.1:8233', namespace: 'default' } } },
      { provide: APP_FILTER, useClass: ErrorFilter },
      { provide: TokenAuthenticator, useValue: new TokenAuthenticator(db.identityDataSource) },
      { provide: FailedAuthentications, useValue: new FailedAuthentications({ maxFailures: 100, windowSeconds: 60 }) },
      { provide: APP_GUARD, useClass: AuthGuard },
    ],
  })
  class ReadSchedulesTestModule {}
  app = await NestFactory.create(ReadSchedulesTestModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

async function get(path: string, as = token): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${as}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function definition(key: string, jobId: string, timing: ScheduleDefinition['timing']): ScheduleDefinition {
  return {
    key,
    jobId,
    data: { site: 'ams1' },
    commit: false,
    queue: 'lab',
    runTimeoutSeconds: 600,
    timing,
    startAt: '2030-01-01T00:00:00.000Z',
    endAt: null,
    overlap: 'buffer_one',
    catchupWindowSeconds: 120,
  };
}

interface Seed {
  id: string;
  definition: ScheduleDefinition;
  state?: 'active' | 'paused';
  pausedReason?: string | null;
  lastRun?: { id: string; status: string; at: Date } | null;
  totalRuns?: number;
  deletedAt?: Date | null;
}

const CREATED = new Date('2030-01-01T09:00:00.000Z');
const UPDATED = new Date('2030-01-02T09:00:00.000Z');

async function seed(schedule: Seed): Promise<void> {
  await db.dataSource.query(
    `INSERT INTO schedules (id, key, job_id, definition, state, paused_reason, next_run_times, last_run_id, last_run_status, last_run_at,
                            total_runs, snapshot_position, created_at, updated_at, deleted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, $12, $13, $14)`,
    [
      schedule.id,
      schedule.definition.key,
      schedule.definition.jobId,
      JSON.stringify(schedule.definition),
      schedule.state ?? 'active',
      schedule.pausedReason ?? null,
      JSON.stringify(['2030-01-03T02:00:00.000Z']),
      schedule.lastRun?.id ?? null,
      schedule.lastRun?.status ?? null,
      schedule.lastRun?.at ?? null,
      schedule.totalRuns ?? 0,
      CREATED,
      UPDATED,
      schedule.deletedAt ?? null,
    ],
  );
}

/** A job in the catalog, as the projection writes it, under `grouping`. */
async function seedJob(id: string, grouping: string): Promise<void> {
  await db.dataSource.query(
    `INSERT INTO job_definitions (id, module, class_name, name, description, grouping, variables, schema, steps, installed, catalog_position,
                                  announced_at, policies, overrides, enabled, created_at)
     VALUES ($1, $2, $3, $3, '', $4, '[]', '{}', '["run"]', true, 1, now(), '{}', '{}', true, now())`,
    [id, id.split('.')[0], id.split('.')[1], grouping],
  );
}

/** A user whose only grant is `jobs.run` limited to `scope`, and a token of theirs. */
async function tokenOfRunnerLimitedTo(username: string, scope: { jobIds?: string[]; groupings?: string[] }): Promise<string> {
  await new UserDirectory(db.identityDataSource).create({ username, displayName: username, admin: false, groups: [] });
  await new UserDirectory(db.identityDataSource).setGrants(username, [{ permission: 'jobs.run', scope }]);
  return (await new TokenIssuer(db.identityDataSource).issue(username, { name: 'tests', expiresAt: null, readOnly: false })).token;
}

async function seedRun(runId: string, scheduleId: string | null, status: string, createdAt: Date): Promise<void> {
  await db.dataSource.query(
    `INSERT INTO job_runs (id, job_id, status, status_rank, workflow_id, created_at, updated_at, schedule_id)
     VALUES ($1, 'network.BackupConfigs', $2, 4, $3, $4, $4, $5)`,
    [runId, status, `run-${runId}`, createdAt, scheduleId],
  );
}

const lastRunId = randomUUID();
const firstRunId = randomUUID();
const manualRunId = randomUUID();

beforeAll(async () => {
  await seed({
    id: 'sch-backup',
    definition: definition('backup-ams1', 'network.BackupConfigs', { kind: 'cron', cron: '0 2 * * *', timezone: 'Europe/Amsterdam' }),
    lastRun: { id: lastRunId, status: 'completed', at: new Date('2030-01-02T01:00:00.000Z') },
    totalRuns: 2,
  });
  await seed({
    id: 'sch-audit',
    definition: definition('audit-interfaces', 'examples.InterfaceAudit', { kind: 'interval', everyMinutes: 15 }),
    state: 'paused',
    pausedReason: 'job examples.InterfaceAudit is not installed',
  });
  await seed({ id: 'sch-once', definition: definition('once-fra2', 'network.BackupConfigs', { kind: 'at', at: '2030-06-01T12:00:00.000Z' }) });
  await seed({
    id: 'sch-gone',
    definition: definition('gone', 'network.BackupConfigs', { kind: 'interval', everyMinutes: 5 }),
    deletedAt: new Date('2030-01-02T10:00:00.000Z'),
    totalRuns: 1,
  });
  // examples.InterfaceAudit is not in the catalog: its schedule is seen by job id only.
  await seedJob('network.BackupConfigs', 'Network');
  await seedRun(firstRunId, 'sch-backup', 'failed', new Date('2030-01-01T01:00:00.000Z'));
  await seedRun(lastRunId, 'sch-backup', 'completed', new Date('2030-01-02T01:00:00.000Z'));
  await seedRun(manualRunId, null, 'completed', new Date('2030-01-02T03:00:00.000Z'));
  await seedRun(randomUUID(), 'sch-gone', 'completed', new Date('2030-01-02T04:00:00.000Z'));
});

describe('GET /api/schedules', () => {
  it('lists the schedules not deleted, by key, paginated', async () => {
    const { status, body } = await get('/api/schedules');

    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 3, limit: 50, offset: 0 });
    expect((body.items as Array<{ id: string }>).map((item) => item.id)).toEqual(['sch-audit', 'sch-backup', 'sch-once']);

    const second = await get('/api/schedules?limit=1&offset=1');
    expect(second.body).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect((second.body.items as Array<{ id: string }>).map((item) => item.id)).toEqual(['sch-backup']);
  });

  it('filters by job and by state', async () => {
    const byJob = await get('/api/schedules?jobId=network.BackupConfigs');
    expect((byJob.body.items as Array<{ id: string }>).map((item) => item.id)).toEqual(['sch-backup', 'sch-once']);
    expect(byJob.body.total).toBe(2);

    const paused = await get('/api/schedules?state=paused');
    expect((paused.body.items as Array<{ id: string }>).map((item) => item.id)).toEqual(['sch-audit']);

    const none = await get('/api/schedules?jobId=examples.InterfaceAudit&state=active');
    expect(none.body).toMatchObject({ items: [], total: 0 });
  });

  it('refuses a state it does not know, and bad paging, with VALIDATION_FAILED', async () => {
    const badState = await get('/api/schedules?state=running');
    expect(badState.status).toBe(400);
    expect(badState.body).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ field: 'state', message: 'must be one of active, paused' }] });

    const badLimit = await get('/api/schedules?limit=0');
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.code).toBe('VALIDATION_FAILED');
  });
});

describe('schedules of jobs one may not see', () => {
  let networkRunner: string;
  let auditRunner: string;

  beforeAll(async () => {
    networkRunner = await tokenOfRunnerLimitedTo('network-runner', { groupings: ['Network'] });
    auditRunner = await tokenOfRunnerLimitedTo('audit-runner', { jobIds: ['examples.InterfaceAudit'] });
  });

  it('are left out of the list and its total, for jobs.run limited to groupings or to job ids', async () => {
    const network = await get('/api/schedules', networkRunner);
    expect(network.status).toBe(200);
    expect((network.body.items as Array<{ id: string }>).map((item) => item.id)).toEqual(['sch-backup', 'sch-once']);
    expect(network.body.total).toBe(2);

    const audit = await get('/api/schedules?limit=1', auditRunner);
    expect((audit.body.items as Array<{ id: string }>).map((item) => item.id)).toEqual(['sch-audit']);
    expect(audit.body.total).toBe(1);

    const filtered = await get('/api/schedules?jobId=network.BackupConfigs', auditRunner);
    expect(filtered.body).toMatchObject({ items: [], total: 0 });
  });

  it('answer 404 SCHEDULE_NOT_FOUND, data and owner unseen', async () => {
    const hidden = await get('/api/schedules/sch-backup', auditRunner);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toMatchObject({ code: 'SCHEDULE_NOT_FOUND' });
    expect(JSON.stringify(hidden.body)).not.toContain('ams1');

    expect((await get('/api/schedules/sch-backup', networkRunner)).status).toBe(200);
    expect((await get('/api/schedules/sch-audit', auditRunner)).status).toBe(200);
  });
});

describe('GET /api/schedules/{id}', () => {
  it('shows a schedule: definition flattened, state, next runs, last run, counts and links', async () => {
    const { status, body } = await get('/api/schedules/sch-backup');

    expect(status).toBe(200);
    expect(body).toEqual({
      id: 'sch-backup',
      key: 'backup-ams1',
      jobId: 'network.BackupConfigs',
      data: { site: 'ams1' },
      commit: false,
      queue: 'lab',
      runTimeoutSeconds: 600,
      timing: { cron: '0 2 * * *', timezone: 'Europe/Amsterdam' },
      startAt: '2030-01-01T00:00:00.000Z',
      endAt: null,
      overlap: 'buffer_one',
      catchupWindowSeconds: 120,
      owner: null,
      state: 'active',
      pausedReason: null,
      nextRunTimes: ['2030-01-03T02:00:00.000Z'],
      lastRun: { id: lastRunId, status: 'completed', at: '2030-01-02T01:00:00.000Z' },
      totalRuns: 2,
      createdAt: CREATED.toISOString(),
      updatedAt: UPDATED.toISOString(),
      links: { self: '/api/schedules/sch-backup', runs: '/api/runs?scheduleId=sch-backup' },
    });
  });

  it('shows each kind of timing as a schedule request gives it, and no last run before the first', async () => {
    const audit = await get('/api/schedules/sch-audit');
    expect(audit.body).toMatchObject({ timing: { intervalMinutes: 15 }, state: 'paused', pausedReason: 'job examples.InterfaceAudit is not installed', lastRun: null, totalRuns: 0 });

    const once = await get('/api/schedules/sch-once');
    expect(once.body.timing).toEqual({ at: '2030-06-01T12:00:00.000Z' });
  });

  it.each([['sch-gone'], ['sch-never'], ['a%20b']])('answers 404 SCHEDULE_NOT_FOUND for %s (deleted or unknown)', async (id) => {
    const { status, body } = await get(`/api/schedules/${id}`);

    expect(status).toBe(404);
    expect(body).toMatchObject({ code: 'SCHEDULE_NOT_FOUND' });
  });
});

describe('without a token', () => {
  it('answers 401 UNAUTHENTICATED with a WWW-Authenticate header', async () => {
    const response = await fetch(`${baseUrl}/api/schedules`);

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('GET /api/runs?scheduleId=', () => {
  it("lists a schedule's runs, newest first, each with its scheduleId", async () => {
    const { status, body } = await get('/api/runs?scheduleId=sch-backup');

    expect(status).toBe(200);
    expect(body.total).toBe(2);
    expect((body.items as Array<{ id: string; scheduleId: string | null }>).map((item) => [item.id, item.scheduleId])).toEqual([
      [lastRunId, 'sch-backup'],
      [firstRunId, 'sch-backup'],
    ]);
  });

  it('still lists the runs of a deleted schedule', async () => {
    const { body } = await get('/api/runs?scheduleId=sch-gone');

    expect(body.total).toBe(1);
  });

  it('shows scheduleId null for a run someone asked for', async () => {
    const { body } = await get(`/api/runs/${manualRunId}`);

    expect(body).toMatchObject({ id: manualRunId, scheduleId: null });
  });
});
