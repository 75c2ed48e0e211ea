// `npm run bench:queries -- --database yard_bench [--requests 300] [--port 3390]`: p50/p99 of the run read routes
// against a database `npm run bench:seed` filled. It starts an API of its own on that database (loopback, its own
// port and instance; a bench administrator and token made in the database), measures each route one request at a
// time after a warm-up, prints the figures and the command to rerun, and stops the API. `--url` measures a stack
// that is already running instead (with YARD_TOKEN).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_DATABASE_OPTIONS, benchDatabaseUrl } from './bench-database.mjs';
import { METRICS_OFF } from './metrics-off.mjs';
import { ROOT } from '../stack/install.mjs';
import { createAdminToken } from '../stack/admin-token.mjs';
import { ensureSecretsKey } from '../stack/secrets-key.mjs';

const { values } = parseArgs({
  options: {
    ...BENCH_DATABASE_OPTIONS,
    requests: { type: 'string', default: '300' },
    warmup: { type: 'string', default: '30' },
    port: { type: 'string', default: '3390' },
    url: { type: 'string' },
  },
});
const requests = Number(values.requests);
const warmup = Number(values.warmup);
const databaseUrl = benchDatabaseUrl(values);

/** Runs to ask for, picked at random from those there (a prune may have deleted any of the seeded ones). */
async function sampleRunIds(pg, count) {
  // 1 % of the table's pages spares a million-run table a full scan; a small table may have none in them, or too few.
  const sampled = await pg.query(`SELECT id FROM job_runs TABLESAMPLE SYSTEM (1) ORDER BY random() LIMIT $1`, [count]);
  const { rows } = sampled.rows.length === count ? sampled : await pg.query(`SELECT id FROM job_runs ORDER BY random() LIMIT $1`, [count]);
  return rows.map((row) => row.id);
}

/** The seed's long run: the one its first extra line (`bench-big-log-1`) belongs to. */
async function bigRunId(pg) {
  const { rows } = await pg.query(`SELECT run_id FROM job_log_entries WHERE id = 'bench-big-log-1'`);
  if (rows.length === 0) throw new Error('the seed has no long run: seed again with --big-run-lines above 0');
  return rows[0].run_id;
}

// The API's own instance: it creates the instance's streams as it starts, and they are deleted when it stops.
const API_INSTANCE = `benchq${process.pid}`;

async function startApi(token) {
  if (values.url) return { baseUrl: values.url, token: process.env.YARD_TOKEN ?? token, stop: async () => undefined };
  // The API seals credential sets: it does not start without the instance's secrets key.
  ensureSecretsKey();
  const child = spawn(process.execPath, [join(ROOT, 'apps', 'api', 'dist', 'main.js')], {
    env: { ...process.env, ...METRICS_OFF, YARD_DATABASE_URL: databaseUrl, YARD_API_PORT: values.port, YARD_API_HOST: '127.0.0.1', YARD_INSTANCE: API_INSTANCE, YARD_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${values.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    const answered = await fetch(`${baseUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } }).then((response) => response.status === 200, () => false);
    if (answered) break;
    if (Date.now() > deadline) throw new Error('the API did not answer within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    baseUrl,
    token,
    stop: async () => {
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      });
      await deleteApiStreams();
    },
  };
}

async function deleteApiStreams() {
  const { connectNats } = await import('@yardmaster/messaging');
  const { deleteStreams, testDependencies } = await import('@yardmaster/testing-core');
  const nc = await connectNats(testDependencies.natsUrl, 'bench-queries-cleanup');
  await deleteStreams(nc, API_INSTANCE);
  await nc.drain();
}

function percentile(sorted, fraction) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

async function measure(api, label, pathOf) {
  const headers = { authorization: `Bearer ${api.token}` };
  const times = [];
  for (let index = 0; index < warmup + requests; index++) {
    const path = pathOf(index);
    const started = performance.now();
    const response = await fetch(`${api.baseUrl}${path}`, { headers });
    await response.arrayBuffer();
    const elapsed = performance.now() - started;
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    if (index >= warmup) times.push(elapsed);
  }
  times.sort((a, b) => a - b);
  const row = { route: label, p50: percentile(times, 0.5), p99: percentile(times, 0.99), max: times.at(-1) };
  process.stdout.write(`| ${row.route} | ${row.p50.toFixed(1)} | ${row.p99.toFixed(1)} | ${row.max.toFixed(1)} |\n`);
  return row;
}

const pg = new (await import('pg')).default.Client({ connectionString: databaseUrl, application_name: 'yardmaster-bench-queries' });
await pg.connect();
let api;
try {
  const { rows } = await pg.query(`SELECT (SELECT count(*) FROM job_runs) AS runs, (SELECT count(*) FROM job_log_entries) AS lines`);
  const runs = Number(rows[0].runs);
  if (runs === 0) throw new Error(`${databaseUrl} holds no runs: fill it with npm run bench:seed -- --database ${values.database}`);
  const sampleIds = await sampleRunIds(pg, 200);
  const bigRun = await bigRunId(pg);
  const { rows: bigRows } = await pg.query('SELECT count(*) AS lines FROM job_log_entries WHERE run_id = $1', [bigRun]);
  const bigLines = Number(bigRows[0].lines);
  const issued = await createAdminToken(databaseUrl, 'bench-queries');
  api = await startApi(issued.token);
  const pick = (index) => sampleIds[index % sampleIds.length];
  process.stdout.write(`\n${runs.toLocaleString('en')} runs, ${Number(rows[0].lines).toLocaleString('en')} log lines in ${values.database}; ${requests} requests per route after ${warmup} to warm up, one at a time (ms)\n\n`);
  process.stdout.write('| route | p50 | p99 | max |\n|---|---|---|---|\n');
  const results = [
    await measure(api, 'GET /api/runs (newest 50, the default listing)', () => '/api/runs'),
    await measure(api, 'GET /api/runs?offset=… (pages 2 to 20)', (index) => `/api/runs?offset=${50 * (1 + (index % 19))}`),
    await measure(api, 'GET /api/runs?status=failed', () => '/api/runs?status=failed'),
    await measure(api, 'GET /api/runs?jobId=…', (index) => `/api/runs?jobId=examples.Job${index % 20}`),
    await measure(api, 'GET /api/runs?jobId=…&status=running', (index) => `/api/runs?jobId=examples.Job${index % 20}&status=running`),
    await measure(api, 'GET /api/runs?scheduleId=…', (index) => `/api/runs?scheduleId=schedule-${index % 30}`),
    await measure(api, 'GET /api/runs/{id}', (index) => `/api/runs/${pick(index)}`),
    await measure(api, 'GET /api/runs/{id}/logs (a run of ~10 lines)', (index) => `/api/runs/${pick(index)}/logs`),
    await measure(api, `GET /api/runs/{id}/logs (first page of a ${bigLines.toLocaleString('en')}-line run)`, () => `/api/runs/${bigRun}/logs?limit=100`),
    await measure(api, `GET /api/runs/{id}/logs?offset=… (any page of that run)`, () => `/api/runs/${bigRun}/logs?limit=100&offset=${100 * Math.floor(Math.random() * (bigLines / 100))}`),
  ];
  const worst = results.reduce((a, b) => (b.p99 > a.p99 ? b : a));
  process.stdout.write(`\nworst p99: ${worst.p99.toFixed(1)} ms (${worst.route})\n`);
  process.stdout.write(`rerun: npm run bench:queries -- --database ${values.database} --requests ${requests}\n`);
} catch (error) {
  process.stderr.write(`[bench:queries] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await api?.stop();
  await pg.end();
}
