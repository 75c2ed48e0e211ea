import type { CatalogAnnounced, JobOverridden } from '@yardmaster/contracts';
import type { EntityManager } from '@yardmaster/read-models';

/**
 * The latest announcement is the catalog: its jobs are installed, every other job is not.
 * Past runs keep their job's row; only `installed` changes.
 *
 * Every row carries the position of the latest announcement that decided it, whether that announcement
 * listed the job or left it out. An announcement applied after a later one (a message redelivered after
 * the ones behind it) so changes no row, and a job only it lists gets a row that is not installed.
 */
export async function projectCatalogAnnounced(manager: EntityManager, event: CatalogAnnounced, position: number): Promise<void> {
  const announcedAt = new Date(event.occurredAt);
  for (const job of event.data.jobs) {
    await manager.query(
      `INSERT INTO job_definitions (id, module, class_name, name, description, grouping, variables, schema, steps, installed, catalog_position, announced_at, policies)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NOT EXISTS (SELECT 1 FROM job_definitions WHERE catalog_position > $10), $10, $11, $12)
       ON CONFLICT (id) DO UPDATE SET
         module = EXCLUDED.module, class_name = EXCLUDED.class_name, name = EXCLUDED.name,
         description = EXCLUDED.description, grouping = EXCLUDED.grouping, variables = EXCLUDED.variables,
         schema = EXCLUDED.schema, steps = EXCLUDED.steps, installed = EXCLUDED.installed,
         catalog_position = EXCLUDED.catalog_position, announced_at = EXCLUDED.announced_at, policies = EXCLUDED.policies
       WHERE job_definitions.catalog_position <= EXCLUDED.catalog_position`,
      [
        job.id,
        job.module,
        job.className,
        job.name,
        job.description,
        job.grouping,
        JSON.stringify(job.variables),
        JSON.stringify(job.schema),
        JSON.stringify(job.steps),
        position,
        announcedAt,
        JSON.stringify({ timeouts: job.timeouts ?? {}, retry: job.retry, concurrency: job.concurrency ?? null, readOnly: job.readOnly ?? false, commitDefault: job.commitDefault ?? true }),
      ],
    );
  }
  await manager.query(`UPDATE job_definitions SET installed = false, catalog_position = $1 WHERE catalog_position < $1`, [position]);
}

/**
 * An administrator's overrides of a job replace the earlier ones (the newest by stream position wins). They
 * live in their own columns, so the next announcement of the job's code leaves them in place.
 */
export async function projectJobOverridden(manager: EntityManager, event: JobOverridden, position: number): Promise<void> {
  const { jobId, overrides } = event.data;
  const updated: unknown[] = await manager.query(
    `UPDATE job_definitions SET overrides = $2, enabled = $3, overrides_position = $4
     WHERE id = $1 AND (overrides_position IS NULL OR overrides_position < $4) RETURNING id`,
    [jobId, JSON.stringify(overrides), overrides.enabled ?? true, position],
  );
  const exists: unknown[] = updated.length > 0 ? updated : await manager.query(`SELECT 1 FROM job_definitions WHERE id = $1`, [jobId]);
  // Overrides name an announced job; one applied before the announcement reached us comes back later.
  if (exists.length === 0) throw new Error(`Overrides of ${jobId} arrived before the job did`);
}

/** Every event of the catalog stream, by type. */
export async function projectCatalogEvent(manager: EntityManager, event: CatalogAnnounced | JobOverridden, position: number): Promise<void> {
  switch (event.type) {
    case 'catalog.announced':
      return projectCatalogAnnounced(manager, event, position);
    case 'catalog.job_overridden':
      return projectJobOverridden(manager, event, position);
    default: {
      const unknown: never = event;
      throw new Error(`Unknown catalog event ${JSON.stringify((unknown as { type?: unknown }).type)}`);
    }
  }
}
