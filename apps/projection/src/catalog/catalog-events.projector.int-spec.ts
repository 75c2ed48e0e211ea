/**
 * The catalog projector against a real Postgres database of its own (migrated to the current schema,
 * dropped afterwards): the latest announcement is the catalog, and an older one never undoes it.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_RETRY_POLICY, newEvent, streamNamesFor, type CatalogAnnounced, type JobDefinition } from '@yardmaster/contracts';
import type { StreamMessage } from '@yardmaster/messaging';
import { createTestDatabase, uniqueInstanceName, type TestDatabase } from '@yardmaster/testing';
import { applyOnce } from '../consumer/apply-once';
import { projectCatalogAnnounced } from './catalog-events.projector';

jest.setTimeout(30_000);

const INSTANCE = uniqueInstanceName('cat');
const CATALOG_STREAM = streamNamesFor(INSTANCE).catalog;

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

function job(className: string, description = `The ${className} job`): JobDefinition {
  return {
    id: `demo.${className}`,
    module: 'demo',
    className,
    name: `${className} job`,
    description,
    grouping: 'Demo',
    variables: [{ name: 'site', type: 'string', label: 'Site', description: 'Where', required: true }],
    schema: { type: 'object', properties: { site: { type: 'string' } }, required: ['site'] },
    steps: ['run'],
    timeouts: {},
    retry: DEFAULT_RETRY_POLICY,
    concurrency: null,
    readOnly: false,
    commitDefault: true,
  };
}

function announced(jobs: JobDefinition[], occurredAt: Date): CatalogAnnounced {
  return newEvent({
    id: randomUUID(),
    type: 'catalog.announced',
    occurredAt: occurredAt.toISOString(),
    aggregateId: 'collector-1',
    sequence: 1,
    correlationId: randomUUID(),
    actor: 'system:collector',
    data: { collectorId: 'collector-1', jobs },
  });
}

function message(event: CatalogAnnounced, position: number): StreamMessage<CatalogAnnounced> {
  return { event, subject: `${INSTANCE}.catalog.announced`, stream: CATALOG_STREAM, streamSequence: position, redelivered: false };
}

interface DefinitionRow {
  id: string;
  name: string;
  description: string;
  installed: boolean;
  catalog_position: string;
  announced_at: Date;
  variables: unknown;
  steps: unknown;
}

async function definitions(): Promise<Record<string, DefinitionRow>> {
  const rows: DefinitionRow[] = await db.dataSource.query(
    `SELECT id, name, description, installed, catalog_position, announced_at, variables, steps FROM job_definitions`,
  );
  return Object.fromEntries(rows.map((row) => [row.id, row]));
}

describe('projectCatalogAnnounced', () => {
  const atA = new Date('2030-03-01T09:00:00.000Z');
  const atB = new Date('2030-03-01T10:00:00.000Z');
  // y changes between the announcements, so a stale replay of A would show in its description.
  const announcementA = announced([job('X'), job('Y', 'Y as announced by A')], atA);
  const announcementB = announced([job('Y', 'Y as announced by B'), job('Z')], atB);
  const POSITION_A = 3;
  const POSITION_B = 7;

  it('installs the jobs of the latest announcement and keeps the others, uninstalled', async () => {
    await expect(applyOnce(db.dataSource, message(announcementA, POSITION_A), projectCatalogAnnounced)).resolves.toBe(true);
    let rows = await definitions();
    expect(Object.keys(rows).sort()).toEqual(['demo.X', 'demo.Y']);
    expect(rows['demo.X'].installed).toBe(true);
    expect(rows['demo.Y']).toMatchObject({ installed: true, description: 'Y as announced by A', catalog_position: String(POSITION_A) });

    await expect(applyOnce(db.dataSource, message(announcementB, POSITION_B), projectCatalogAnnounced)).resolves.toBe(true);
    rows = await definitions();
    expect(Object.keys(rows).sort()).toEqual(['demo.X', 'demo.Y', 'demo.Z']);
    expect(rows['demo.X']).toMatchObject({ installed: false, name: 'X job' });
    expect(rows['demo.Y']).toMatchObject({ installed: true, description: 'Y as announced by B', catalog_position: String(POSITION_B) });
    expect(rows['demo.Y'].announced_at).toEqual(atB);
    expect(rows['demo.Z']).toMatchObject({ installed: true, catalog_position: String(POSITION_B), steps: ['run'] });
    expect(rows['demo.Z'].variables).toEqual(job('Z').variables);
  });

  it('does not let a replay of the older announcement reinstall a job or change one', async () => {
    const before = await definitions();

    await db.dataSource.transaction((manager) => projectCatalogAnnounced(manager, announcementA, POSITION_A));

    const after = await definitions();
    expect(after['demo.X'].installed).toBe(false);
    expect(after['demo.Y']).toEqual(before['demo.Y']);
    expect(after['demo.Z']).toEqual(before['demo.Z']);
    expect(after).toEqual(before);
  });

  it('ignores the older announcement redelivered under its own id: applyOnce finds it applied', async () => {
    const before = await definitions();

    await expect(applyOnce(db.dataSource, message(announcementA, POSITION_A), projectCatalogAnnounced)).resolves.toBe(false);

    expect(await definitions()).toEqual(before);
  });

  it('does not let an announcement applied late, after a later one, install or change anything', async () => {
    // First applied in order: W (j, k), then V (k). V's successor U (j, k, n) fails to apply at first and is
    // redelivered only after T (k) behind it has been applied, as a nak'd message is.
    await db.dataSource.query(`DELETE FROM job_definitions`);
    const apply = (event: CatalogAnnounced, position: number) => applyOnce(db.dataSource, message(event, position), projectCatalogAnnounced);
    await apply(announced([job('J'), job('K')], atA), 10);
    await apply(announced([job('K')], atA), 11);
    const late = announced([job('J', 'J as announced late'), job('K', 'K as announced late'), job('N')], atA);
    await apply(announced([job('K', 'K as announced last')], atB), 13);
    const before = await definitions();
    expect(before['demo.J'].installed).toBe(false);

    await expect(apply(late, 12)).resolves.toBe(true);

    const after = await definitions();
    expect(after['demo.J']).toEqual(before['demo.J']);
    expect(after['demo.K']).toEqual(before['demo.K']);
    // A job only the late announcement lists gets its row, but the latest catalog does not list it.
    expect(after['demo.N']).toMatchObject({ installed: false, name: 'N job' });
    expect(Object.values(after).filter((row) => row.installed).map((row) => row.id)).toEqual(['demo.K']);
  });
});
