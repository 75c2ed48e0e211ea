/**
 * Collection plans against a real Postgres database of their own: the body's defaults and checks, names unique
 * regardless of case, references to the inventory looked up, the credential set guarded by a foreign key (and by
 * the credential set store's own refusal), the schedule kept in step inside each write, and runs started one at a
 * time per plan.
 */
import { ErrorCode, YardError } from '@yardmaster/contracts';
import { runPendingMigrations } from '@yardmaster/database';
import { createEmptyTestDatabase, type EmptyTestDatabase } from '@yardmaster/testing-core';
import type { DataSource } from 'typeorm';
import { CredentialSetStore } from '../credentials/credential-set-store';
import type { SecretSealer } from '../credentials/secret-sealer';
import { storeCredentialSetRow } from '../credentials/test-support/stored-credential-set';
import { createInventoryDataSource } from '../data-source';
import { InventoryStore } from '../store/inventory-store';
import { CollectionPlanStore, type ScheduleSync } from './collection-plan-store';

jest.setTimeout(30_000);

const NO_SEALING: SecretSealer = {
  seal: () => {
    throw new Error('sealed during a rename or delete');
  },
  open: () => {
    throw new Error('opened by the store');
  },
};

const NO_SCHEDULE: ScheduleSync = async () => null;

let db: EmptyTestDatabase;
let dataSource: DataSource;
let plans: CollectionPlanStore;
let inventory: InventoryStore;

beforeAll(async () => {
  db = await createEmptyTestDatabase();
  dataSource = await createInventoryDataSource(db.url, 'collection-plan-tests').initialize();
  await runPendingMigrations(dataSource);
  plans = new CollectionPlanStore(dataSource);
  inventory = new InventoryStore(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
  await db?.drop();
});

async function failureOf(work: Promise<unknown>): Promise<YardError> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof YardError)) throw new Error(`expected a YardError, got ${String(error)}`);
  return error;
}

/** Resolves once a statement of this database waits on a row lock: the second start, held by the first. */
async function untilOneStatementWaitsOnALock(): Promise<void> {
  for (;;) {
    const [row] = (await dataSource.query(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)) as Array<{ waiting: number }>;
    if (row?.waiting === 1) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the collection plan store', () => {
  it('creates a plan with the defaults netbox_facts has, and reads it back', async () => {
    const plan = await plans.create({ name: 'Core facts', collectorTypes: ['facts', 'interfaces'] }, 'ann', NO_SCHEDULE);
    expect(plan).toEqual({
      id: expect.any(String),
      name: 'Core facts',
      description: '',
      enabled: true,
      priority: 'default',
      runAs: null,
      collectorTypes: ['facts', 'interfaces'],
      credentialsRef: null,
      connectionTarget: 'primary',
      protocol: 'snmp',
      filter: {},
      intervalMinutes: null,
      detectOnly: true,
      deviceTimeoutSeconds: 60,
      runTimeoutSeconds: 1800,
      devicesAtOnce: 16,
      deviceRetry: { maximumAttempts: 2, initialIntervalSeconds: 5 },
      lastRunId: null,
      scheduleId: null,
      createdBy: 'ann',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(await plans.get(plan.id)).toEqual(plan);
  });

  it('refuses a bad body with one field error per field, and an unknown field by name', async () => {
    const failure = await failureOf(plans.create({ name: ' ', collectorTypes: [], priority: 'urgent', devicesAtOnce: 0, colour: 'red' }, 'ann', NO_SCHEDULE));
    expect(failure.code).toBe(ErrorCode.ValidationFailed);
    expect(failure.fieldErrors?.map((fieldError) => fieldError.field)).toEqual(['colour', 'name', 'priority', 'collectorTypes', 'devicesAtOnce']);
    expect(failure.fieldErrors?.[0]).toEqual({ field: 'colour', message: 'is not a field of a collection plan' });
    await expect(failureOf(plans.create(['x'], 'ann', NO_SCHEDULE))).resolves.toMatchObject({ code: ErrorCode.MalformedRequest });
  });

  it('stores the connection target, changes it by patch, puts it back to primary on a replace without it, and refuses an unknown one', async () => {
    const plan = await plans.create({ name: 'Out of band', collectorTypes: ['facts'], connectionTarget: 'oob_then_primary' }, 'ann', NO_SCHEDULE);
    expect(plan.connectionTarget).toBe('oob_then_primary');
    const [row] = (await dataSource.query(`SELECT connection_target FROM collection_plans WHERE id = $1`, [plan.id])) as Array<{ connection_target: string }>;
    expect(row?.connection_target).toBe('oob_then_primary');
    await expect(plans.update(plan.id, { connectionTarget: 'oob' }, 'patch', NO_SCHEDULE)).resolves.toMatchObject({ connectionTarget: 'oob', collectorTypes: ['facts'] });
    await expect(plans.get(plan.id)).resolves.toMatchObject({ connectionTarget: 'oob' });
    await expect(plans.update(plan.id, { name: 'Out of band', collectorTypes: ['facts'] }, 'replace', NO_SCHEDULE)).resolves.toMatchObject({ connectionTarget: 'primary' });
    const failure = await failureOf(plans.update(plan.id, { connectionTarget: 'console' }, 'patch', NO_SCHEDULE));
    expect(failure.code).toBe(ErrorCode.ValidationFailed);
    expect(failure.fieldErrors).toEqual([{ field: 'connectionTarget', message: expect.stringContaining('primary_then_oob') }]);
    // A plan written before the column had it reads as primary (the migration's default).
    await dataSource.query(`INSERT INTO collection_plans (id, name, enabled, priority, collector_types, filter, detect_only, device_timeout_seconds, run_timeout_seconds, devices_at_once, device_retry, created_by)
      VALUES (gen_random_uuid(), 'Older plan', true, 'default', '["facts"]', '{}', true, 60, 1800, 16, '{"maximumAttempts":2,"initialIntervalSeconds":5}', 'ann')`);
    await expect(plans.find({ q: 'Older plan' }, { limit: 10, offset: 0 })).resolves.toMatchObject({ items: [{ name: 'Older plan', connectionTarget: 'primary' }] });
  });

  it('stores the protocol, snmp unless told, and refuses an unknown one', async () => {
    const plan = await plans.create({ name: 'Over SSH', collectorTypes: ['facts'], protocol: 'ssh' }, 'ann', NO_SCHEDULE);
    expect(plan.protocol).toBe('ssh');
    await expect(plans.update(plan.id, { name: 'Over SSH', collectorTypes: ['facts'] }, 'replace', NO_SCHEDULE)).resolves.toMatchObject({ protocol: 'snmp' });
    const failure = await failureOf(plans.update(plan.id, { protocol: 'telnet' }, 'patch', NO_SCHEDULE));
    expect(failure.code).toBe(ErrorCode.ValidationFailed);
    expect(failure.fieldErrors).toEqual([{ field: 'protocol', message: expect.stringContaining('ssh') }]);
  });

  it('keeps names unique regardless of case, on create and on rename', async () => {
    const first = await plans.create({ name: 'Edge ARP', collectorTypes: ['arp'] }, 'ann', NO_SCHEDULE);
    const clash = await failureOf(plans.create({ name: 'EDGE arp', collectorTypes: ['arp'] }, 'ann', NO_SCHEDULE));
    expect({ code: clash.code, details: clash.details, fieldErrors: clash.fieldErrors }).toEqual({
      code: ErrorCode.CollectionPlanConflict,
      details: { field: 'name', conflictingId: first.id },
      fieldErrors: [{ field: 'name', message: 'is already used by another collection plan' }],
    });
    const other = await plans.create({ name: 'Edge NDP', collectorTypes: ['ndp'] }, 'ann', NO_SCHEDULE);
    await expect(failureOf(plans.update(other.id, { name: 'edge arp' }, 'patch', NO_SCHEDULE))).resolves.toMatchObject({ code: ErrorCode.CollectionPlanConflict });
    // Behind the store's back, the unique index refuses too.
    await expect(dataSource.query(`UPDATE collection_plans SET name = 'EDGE ARP' WHERE id = $1`, [other.id])).rejects.toThrow(/collection_plans_name_key/);
    // A plan may change its own name's case.
    await expect(plans.update(first.id, { name: 'EDGE ARP' }, 'patch', NO_SCHEDULE)).resolves.toMatchObject({ name: 'EDGE ARP' });
  });

  it('names only what the inventory holds: the credential set exactly, each filter id and tag slug', async () => {
    await storeCredentialSetRow(dataSource, 'Plan-SNMP');
    const site = await inventory.collections.sites.create({ name: 'Plan Site' });
    const tag = await inventory.collections.tags.create({ name: 'Plan Tag' });
    const failure = await failureOf(
      plans.create(
        { name: 'Refs', collectorTypes: ['lldp'], credentialsRef: 'plan-snmp', filter: { sites: [site.id, '00000000-0000-4000-8000-000000000000'], tags: [tag.slug, 'ghost'], roles: ['not-a-uuid'] } },
        'ann',
        NO_SCHEDULE,
      ),
    );
    expect(failure.code).toBe(ErrorCode.ValidationFailed);
    expect(failure.fieldErrors).toEqual([
      { field: 'credentialsRef', message: 'no credential set has this name (names match exactly, case included)' },
      { field: 'filter.sites', message: 'no site id "00000000-0000-4000-8000-000000000000" in the inventory' },
      { field: 'filter.roles', message: 'no role id "not-a-uuid" in the inventory' },
      { field: 'filter.tags', message: 'no tag slug "ghost" in the inventory' },
    ]);
    const plan = await plans.create({ name: 'Refs', collectorTypes: ['lldp'], credentialsRef: 'Plan-SNMP', filter: { sites: [site.id], tags: [tag.slug], statuses: ['active'] } }, 'ann', NO_SCHEDULE);
    expect(plan).toMatchObject({ credentialsRef: 'Plan-SNMP', filter: { sites: [site.id], tags: [tag.slug], statuses: ['active'] } });
  });

  it("keeps a plan's credential set from being deleted or renamed, through the credential set store or behind its back", async () => {
    const setId = await storeCredentialSetRow(dataSource, 'plan-only-set');
    const plan = await plans.create({ name: 'Guarded', collectorTypes: ['facts'], credentialsRef: 'plan-only-set' }, 'ann', NO_SCHEDULE);
    const credentialSets = new CredentialSetStore(dataSource, NO_SEALING);
    const deleting = await failureOf(credentialSets.delete(setId));
    expect({ code: deleting.code, message: deleting.message, details: deleting.details }).toEqual({
      code: ErrorCode.CredentialSetInUse,
      message: 'Cannot delete credential set "plan-only-set": it is used by 1 collection plan (credentialsRef)',
      details: { devices: 0, plans: 1 },
    });
    await expect(failureOf(credentialSets.update(setId, { name: 'renamed-set' }))).resolves.toMatchObject({ code: ErrorCode.CredentialSetInUse });
    await expect(dataSource.query(`DELETE FROM inventory_credential_sets WHERE id = $1`, [setId])).rejects.toThrow(/collection_plans_credentials_ref_fkey/);
    await expect(dataSource.query(`UPDATE inventory_credential_sets SET name = 'renamed-set' WHERE id = $1`, [setId])).rejects.toThrow(/collection_plans_credentials_ref_fkey/);

    await plans.update(plan.id, { credentialsRef: null }, 'patch', NO_SCHEDULE);
    await expect(credentialSets.delete(setId)).resolves.toMatchObject({ name: 'plan-only-set' });
  });

  it('patches only the fields given, and a replace puts absent fields back to their defaults', async () => {
    const plan = await plans.create({ name: 'Changing', collectorTypes: ['facts'], priority: 'high', detectOnly: false, devicesAtOnce: 4 }, 'ann', NO_SCHEDULE);
    const patched = await plans.update(plan.id, { description: 'Nightly', deviceRetry: { maximumAttempts: 3, initialIntervalSeconds: 1 } }, 'patch', NO_SCHEDULE);
    expect(patched).toMatchObject({ description: 'Nightly', priority: 'high', detectOnly: false, devicesAtOnce: 4, deviceRetry: { maximumAttempts: 3, initialIntervalSeconds: 1 } });
    const replaced = await plans.update(plan.id, { name: 'Changing', collectorTypes: ['bgp'] }, 'replace', NO_SCHEDULE);
    expect(replaced).toMatchObject({ description: '', priority: 'default', detectOnly: true, devicesAtOnce: 16, collectorTypes: ['bgp'], createdBy: 'ann' });
    await expect(failureOf(plans.update(plan.id, { collectorTypes: ['bgp'] }, 'replace', NO_SCHEDULE))).resolves.toMatchObject({
      code: ErrorCode.ValidationFailed,
      fieldErrors: [{ field: 'name', message: expect.any(String) }],
    });
    await expect(failureOf(plans.update('00000000-0000-4000-8000-000000000000', {}, 'patch', NO_SCHEDULE))).resolves.toMatchObject({ code: ErrorCode.CollectionPlanNotFound });
    await expect(failureOf(plans.get('nope'))).resolves.toMatchObject({ code: ErrorCode.CollectionPlanNotFound });
  });

  it('keeps the schedule id the sync answers, and undoes the write when the sync fails', async () => {
    const seen: Array<{ intervalMinutes: number | null; scheduleId: string | null }> = [];
    const sync: ScheduleSync = async (plan) => {
      seen.push({ intervalMinutes: plan.intervalMinutes, scheduleId: plan.scheduleId });
      return plan.intervalMinutes === null ? null : 'sch-1';
    };
    const plan = await plans.create({ name: 'Scheduled', collectorTypes: ['facts'], intervalMinutes: 30 }, 'ann', sync);
    expect(plan.scheduleId).toBe('sch-1');
    expect((await plans.get(plan.id)).scheduleId).toBe('sch-1');
    expect((await plans.update(plan.id, { intervalMinutes: null }, 'patch', sync)).scheduleId).toBeNull();
    expect(seen).toEqual([
      { intervalMinutes: 30, scheduleId: null },
      { intervalMinutes: null, scheduleId: 'sch-1' },
    ]);

    const refusing: ScheduleSync = async () => {
      throw new YardError(ErrorCode.JobNotFound, 'no such job');
    };
    await expect(failureOf(plans.update(plan.id, { intervalMinutes: 5, description: 'lost' }, 'patch', refusing))).resolves.toMatchObject({ code: ErrorCode.JobNotFound });
    expect(await plans.get(plan.id)).toMatchObject({ intervalMinutes: null, description: '' });
    await expect(failureOf(plans.create({ name: 'Never stored', collectorTypes: ['facts'] }, 'ann', refusing))).resolves.toMatchObject({ code: ErrorCode.JobNotFound });
    expect((await plans.find({ q: 'never stored' }, { limit: 10, offset: 0 })).total).toBe(0);
    await expect(failureOf(plans.delete(plan.id, () => refusing(plan).then(() => undefined)))).resolves.toMatchObject({ code: ErrorCode.JobNotFound });
    await expect(plans.delete(plan.id, async () => undefined)).resolves.toMatchObject({ id: plan.id });
    await expect(failureOf(plans.get(plan.id))).resolves.toMatchObject({ code: ErrorCode.CollectionPlanNotFound });
  });

  it('lists by name, filtered by part of the name, enabled and priority, a page at a time', async () => {
    await plans.create({ name: 'List low', collectorTypes: ['facts'], priority: 'low', enabled: false }, 'ann', NO_SCHEDULE);
    await plans.create({ name: 'list high', collectorTypes: ['facts'], priority: 'high' }, 'ann', NO_SCHEDULE);
    const listed = await plans.find({ q: 'LIST' }, { limit: 10, offset: 0 });
    expect(listed.items.map((plan) => plan.name)).toEqual(['list high', 'List low']);
    expect((await plans.find({ q: 'list', enabled: false }, { limit: 10, offset: 0 })).items.map((plan) => plan.name)).toEqual(['List low']);
    expect((await plans.find({ q: 'list', priority: 'high' }, { limit: 10, offset: 0 })).items.map((plan) => plan.name)).toEqual(['list high']);
    expect(await plans.find({ q: 'list' }, { limit: 1, offset: 1 })).toMatchObject({ total: 2, items: [{ name: 'List low' }] });
    await expect(failureOf(plans.find({ priority: 'urgent' as never }, { limit: 1, offset: 0 }))).resolves.toMatchObject({ code: ErrorCode.ValidationFailed });
  });

  it('starts runs one at a time per plan: the second start sees the first run', async () => {
    const plan = await plans.create({ name: 'Raced', collectorTypes: ['facts'] }, 'ann', NO_SCHEDULE);
    const lastRunsSeen: Array<string | null> = [];
    let release!: () => void;
    let holding!: () => void;
    const firstHolds = new Promise<void>((resolve) => (release = resolve));
    const firstHasTheRow = new Promise<void>((resolve) => (holding = resolve));
    const first = plans.startRun(plan.id, async (current) => {
      lastRunsSeen.push(current.lastRunId);
      holding();
      await firstHolds;
      return { runId: '11111111-1111-4111-8111-111111111111' };
    });
    await firstHasTheRow;
    // The second waits on the plan's row until the first has committed its run.
    const second = plans.startRun(plan.id, async (current) => {
      lastRunsSeen.push(current.lastRunId);
      return { runId: '22222222-2222-4222-8222-222222222222' };
    });
    await untilOneStatementWaitsOnALock();
    release();
    await Promise.all([first, second]);
    expect(lastRunsSeen).toEqual([null, '11111111-1111-4111-8111-111111111111']);
    expect((await plans.get(plan.id)).lastRunId).toBe('22222222-2222-4222-8222-222222222222');

    await expect(failureOf(plans.startRun(plan.id, async () => {
      throw new YardError(ErrorCode.ConcurrencyConflict, 'busy');
    }))).resolves.toMatchObject({ code: ErrorCode.ConcurrencyConflict });
    expect((await plans.get(plan.id)).lastRunId).toBe('22222222-2222-4222-8222-222222222222');
  });
});
