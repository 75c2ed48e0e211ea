import type { CatalogAnnounced } from '@yardmaster/contracts';
import type { EntityManager } from '@yardmaster/read-models';

/**
 * The latest announcement is the catalog: its jobs are installed, every other job is not.
 * Past runs keep their job's row; only `installed` changes.
 */
export async function projectCatalogAnnounced(manager: EntityManager, event: CatalogAnnounced, position: number): Promise<void> {
  const announcedAt = new Date(event.occurredAt);
  for (const job of event.data.jobs) {
    await manager.query(
      `INSERT INTO job_definitions (id, module, class_name, name, description, grouping, variables, schema, steps, installed, catalog_position, announced_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, true, $10, $11)
       ON CONFLICT (id) DO UPDATE SET
         module = EXCLUDED.module, class_name = EXCLUDED.class_name, name = EXCLUDED.name,
         description = EXCLUDED.description, grouping = EXCLUDED.grouping, variables = EXCLUDED.variables,
         schema = EXCLUDED.schema, steps = EXCLUDED.steps, installed = true,
         catalog_position = EXCLUDED.catalog_position, announced_at = EXCLUDED.announced_at
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
      ],
    );
  }
  await manager.query(`UPDATE job_definitions SET installed = false WHERE catalog_position < $1 AND installed`, [position]);
}
