// `npm run bench:seed -- --runs 1000000 --logs 10000000 [--database yard_bench]`: fills a database of its own with
// runs and log lines for `npm run bench:queries`. It migrates the database, then writes in server-side batches
// (INSERT … SELECT generate_series: no rows cross the wire), so ten million lines take minutes, not hours.
// Runs spread over the last 180 days (half older than the 90-day retention), 1 in 200 still live; lines are
// spread evenly over the runs, plus --big-run-lines more lines for the newest run (kept by a prune), for deep paging.
import { parseArgs } from 'node:util';
import { BENCH_DATABASE_OPTIONS, benchDatabaseUrl } from './bench-database.mjs';
import pg from 'pg';
import { ensurePostgres } from '../stack/postgres.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1000000' },
    logs: { type: 'string', default: '10000000' },
    'big-run-lines': { type: 'string', default: '100000' },
    ...BENCH_DATABASE_OPTIONS,
  },
});
const runs = Number(values.runs);
const logs = Number(values.logs);
const bigRunLines = Number(values['big-run-lines']);
const databaseUrl = benchDatabaseUrl(values);
const RUN_BATCH = 100_000;
const LOG_BATCH = 500_000;

/** The i-th run's id: the same on every seed, so the benchmark can name runs without asking. */
const runId = (index) => `md5('bench-run-' || ${index})::uuid`;

const runsInsert = `
  INSERT INTO job_runs (id, job_id, job_name, status, status_rank, data, commit, queue, requested_by, workflow_id, attempt,
                        result, failure_count, created_at, started_at, completed_at, updated_at, schedule_id)
  SELECT ${runId('i')}, 'examples.Job' || (i % 20), 'Job ' || (i % 20), s.status, s.rank,
         jsonb_build_object('name', 'device-' || (i % 5000)), true, 'default', 'user' || (i % 50), 'run-' || ${runId('i')}, 1,
         CASE WHEN s.rank = 4 THEN jsonb_build_object('ok', true) END, 0,
         t.created, t.created + interval '1 second', CASE WHEN s.rank = 4 THEN t.created + interval '5 seconds' END,
         t.created + interval '5 seconds', CASE WHEN i % 10 = 0 THEN 'schedule-' || (i % 30) END
  FROM generate_series($1::int, $2::int) AS i
  CROSS JOIN LATERAL (SELECT now() - (($3::int - i)::float8 / $3::int) * interval '180 days' AS created) AS t
  CROSS JOIN LATERAL (SELECT CASE WHEN i % 200 = 0 THEN 'running' WHEN i % 23 = 0 THEN 'failed' WHEN i % 41 = 0 THEN 'errored'
                                  WHEN i % 97 = 0 THEN 'cancelled' ELSE 'completed' END AS status) AS st
  CROSS JOIN LATERAL (SELECT st.status, CASE WHEN st.status = 'running' THEN 3 ELSE 4 END AS rank) AS s`;

// Line n belongs to run (n mod runs) + 1; its position is n, so positions grow within each run as in the stream.
const logsInsert = `
  INSERT INTO job_log_entries (id, run_id, position, level, grouping, message, attempt, logged_at)
  SELECT 'bench-log-' || n, ${runId('(n % $3::int) + 1')}, n, CASE WHEN n % 10 = 0 THEN 'warning' ELSE 'info' END, 'run',
         'Checked interface ' || (n % 48) || ' of device-' || (n % 5000), 1, now()
  FROM generate_series($1::bigint, $2::bigint) AS n`;

const bigRunLogsInsert = `
  INSERT INTO job_log_entries (id, run_id, position, level, grouping, message, attempt, logged_at)
  SELECT 'bench-big-log-' || n, ${runId('$3::int')}, $4::bigint + n, 'info', 'run', 'Line ' || n, 1, now()
  FROM generate_series($1::bigint, $2::bigint) AS n`;

async function inBatches(client, label, total, batch, insert, extra) {
  const started = Date.now();
  for (let from = 1; from <= total; from += batch) {
    const to = Math.min(total, from + batch - 1);
    await client.query(insert, [from, to, ...extra]);
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`\r${label}: ${to.toLocaleString('en')} of ${total.toLocaleString('en')} (${Math.round(to / seconds).toLocaleString('en')}/s)   `);
  }
  process.stdout.write('\n');
}

await ensurePostgres(databaseUrl);
const client = new pg.Client({ connectionString: databaseUrl, application_name: 'yardmaster-bench-seed' });
await client.connect();
try {
  await client.query('TRUNCATE job_log_entries, job_runs');
  // Unlogged while seeding: the seed is thrown away after the benchmark, and the WAL of 10 M rows would not fit.
  await client.query('ALTER TABLE job_log_entries SET UNLOGGED');
  await client.query('ALTER TABLE job_runs SET UNLOGGED');
  await inBatches(client, 'runs', runs, RUN_BATCH, runsInsert, [runs]);
  await inBatches(client, 'log lines', logs, LOG_BATCH, logsInsert, [runs]);
  if (bigRunLines > 0) await inBatches(client, 'log lines of the newest run', bigRunLines, LOG_BATCH, bigRunLogsInsert, [runs, logs]);
  process.stdout.write('analyzing…\n');
  await client.query('VACUUM ANALYZE job_runs');
  await client.query('VACUUM ANALYZE job_log_entries');
  const { rows } = await client.query(`SELECT (SELECT count(*) FROM job_runs) AS runs, (SELECT count(*) FROM job_log_entries) AS lines,
    pg_size_pretty(pg_database_size(current_database())) AS size`);
  process.stdout.write(`seeded ${databaseUrl}: ${Number(rows[0].runs).toLocaleString('en')} runs, ${Number(rows[0].lines).toLocaleString('en')} log lines, ${rows[0].size}\n`);
  process.stdout.write(`next: npm run bench:queries -- --database ${values.database}\n`);
} finally {
  await client.end();
}
