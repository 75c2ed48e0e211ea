import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many runs each job has in each status, kept by triggers on job_runs, so that `GET /api/runs` answers its
 * total without counting a million rows (COUNT(*) over job_runs took 110 ms at 1,000,000 runs; this, a sum over
 * a few hundred rows). Statement-level triggers with transition tables: a batch of a thousand runs (a prune, a
 * batched projection) changes each counter once; an update that changes no status (progress, steps) writes none.
 */
export class RunCounts1795710000000 implements MigrationInterface {
  name = 'RunCounts1795710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE job_run_counts (
        job_id text NOT NULL,
        status text NOT NULL,
        runs bigint NOT NULL,
        PRIMARY KEY (job_id, status)
      )`);
    // Transition tables are visible only inside the trigger function, so each event gets a function naming its own.
    for (const [event, tables, from] of [
      ['INSERT', 'NEW TABLE AS new_rows', `SELECT job_id, status, 1 AS change FROM new_rows`],
      ['DELETE', 'OLD TABLE AS old_rows', `SELECT job_id, status, -1 AS change FROM old_rows`],
      ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows', `SELECT job_id, status, 1 AS change FROM new_rows UNION ALL SELECT job_id, status, -1 AS change FROM old_rows`],
    ] as const) {
      const fn = `job_run_counts_on_${event.toLowerCase()}`;
      await queryRunner.query(`
        CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO job_run_counts AS counts (job_id, status, runs)
          SELECT job_id, status, sum(change) FROM (${from}) AS changes
          GROUP BY job_id, status
          HAVING sum(change) <> 0
          -- Counters in key order: two transactions moving the same counters never wait on each other in a cycle.
          ORDER BY job_id, status
          ON CONFLICT (job_id, status) DO UPDATE SET runs = counts.runs + EXCLUDED.runs;
          RETURN NULL;
        END $$`);
      await queryRunner.query(`CREATE TRIGGER ${fn} AFTER ${event} ON job_runs REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }
    await queryRunner.query(`
      CREATE FUNCTION job_run_counts_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM job_run_counts;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER job_run_counts_on_truncate AFTER TRUNCATE ON job_runs FOR EACH STATEMENT EXECUTE FUNCTION job_run_counts_on_truncate()`);
    // Runs already there are counted once, in the migration's transaction (the projection is stopped while migrating).
    await queryRunner.query(`INSERT INTO job_run_counts (job_id, status, runs) SELECT job_id, status, count(*) FROM job_runs GROUP BY job_id, status`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const event of ['insert', 'delete', 'update', 'truncate']) {
      await queryRunner.query(`DROP TRIGGER job_run_counts_on_${event} ON job_runs`);
      await queryRunner.query(`DROP FUNCTION job_run_counts_on_${event}()`);
    }
    await queryRunner.query(`DROP TABLE job_run_counts`);
  }
}
