// `npm run bench:projection`: how fast the projection alone applies a backlog of log lines, without the collector.
// On an instance and a database of its own (removed afterwards), against the running PostgreSQL and NATS: it
// publishes a run's run.requested, run.started and --lines log lines (shaped as the collector writes them: run.log_batch
// events of 256 lines; `--shape single` sends one run.log per line, as versions before batches did) while no projection runs, then starts the projection (as `npm start` does, with its memory settings) and times
// from the first line stored to the last, polling by event id. It prints lines/s, the projection's CPU time per
// line (from /proc, what a shared machine distorts least) and its peak RSS.
// `--checkout <dir>` starts the projection built in another checkout and migrates with its migrations (an A/B
// against main without switching branches); `--cpu-prof <dir>` writes a V8 CPU profile there.
// Rerun: npm run bench:projection [-- --lines 100000 --runs 1 --shape batch|single --checkout /work/main --cpu-prof .yard/prof]
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from '../stack/install.mjs';

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
};
const lines = Number(argument('lines', '100000'));
const runs = Number(argument('runs', '1'));
const checkout = resolve(argument('checkout', ROOT));
const cpuProfileDir = argument('cpu-prof', null);
const shape = argument('shape', 'batch');
if (shape !== 'batch' && shape !== 'single') throw new Error(`--shape is batch or single, not ${shape}`);
/** As the collector packs them (apps/collector/src/activities/run-log-batch.ts). */
const LINES_PER_BATCH = 256;
// Node flags after the services' own (a later flag wins): e.g. --node-flags "--max-semi-space-size=8".
const extraFlags = (argument('node-flags', '') ?? '').split(' ').filter(Boolean);
const POLL_MS = 50;
const PUBLISH_CHUNK = 2_000;
const CLOCK_TICKS_PER_SECOND = 100;
const TIMEOUT_MS = 600_000;

const testing = await import('@yardmaster/testing');
const { connectNats, EventPublisher, encodeEvent, ensureStreams } = await import('@yardmaster/messaging');
const { newEvent, runEventKind, subjectsFor } = await import('@yardmaster/contracts');
const { SERVICE_ENVIRONMENT, SERVICE_NODE_FLAGS } = await import('@yardmaster/config');
const pg = (await import('pg')).default;

function event(type, runId, sequence, data, id = randomUUID()) {
  return newEvent({ id, type, aggregateId: runId, actor: 'bench', data, occurredAt: new Date().toISOString(), sequence, correlationId: `bench-${runId}`, causationId: null });
}

/** A run's events as the scheduler, the workflow and the collector send them (LogFlood's lines). */
function runEvents(runId) {
  const now = new Date().toISOString();
  const events = [
    event('run.requested', runId, 1, { jobId: 'examples.LogFlood', jobName: 'Log flood', data: { lines }, commit: true, queue: 'default', requestedBy: 'bench', workflowId: `run-${runId}`, requestedAt: now }),
    event('run.started', runId, 2, { jobId: 'examples.LogFlood', workflowId: `run-${runId}`, attempt: 1 }),
  ];
  const entry = (line) => ({ level: 'info', grouping: 'run', message: `Line ${line} of ${lines}`, object: null, attempt: 1, loggedAt: new Date().toISOString() });
  if (shape === 'single') {
    for (let line = 1; line <= lines; line++) events.push(event('run.log', runId, line, entry(line), lineId(runId, line)));
    return events;
  }
  for (let first = 1; first <= lines; first += LINES_PER_BATCH) {
    const last = Math.min(lines, first + LINES_PER_BATCH - 1);
    const entries = [];
    for (let line = first; line <= last; line++) entries.push({ id: lineId(runId, line), sequence: line, ...entry(line) });
    events.push(event('run.log_batch', runId, first, { entries }, `${runId}:run:1:logs:${first}-${last}`));
  }
  return events;
}

const lineId = (runId, line) => `${runId}:run:1:log:${line}`;

const readProc = (pid, file) => readFileSync(`/proc/${pid}/${file}`, 'utf8');

async function migrate(databaseUrl) {
  await new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(checkout, 'tools', 'migrate.mjs')], { cwd: checkout, env: { ...process.env, YARD_DATABASE_URL: databaseUrl }, stdio: 'inherit' });
    child.once('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`migrate exited ${code}`))));
  });
}

async function once(round) {
  const id = randomBytes(4).toString('hex');
  const instance = `benchproj_${id}`;
  const serverUrl = testing.testDependencies.databaseUrl;
  const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/yard_benchproj_${id}` }).toString();
  const nc = await connectNats(testing.testDependencies.natsUrl, `bench-projection-${id}`);
  const client = new pg.Client({ connectionString: databaseUrl.replace(`/yard_benchproj_${id}`, '/postgres') });
  let child = null;
  let db = null;
  try {
    await migrate(databaseUrl);
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    await ensureStreams(nc, instance);
    const runId = randomUUID();
    const subjects = subjectsFor(instance);
    const events = runEvents(runId);
    const publisher = new EventPublisher(nc);
    const publishStarted = Date.now();
    for (let from = 0; from < events.length; from += PUBLISH_CHUNK) {
      const chunk = events.slice(from, from + PUBLISH_CHUNK).map((e) => encodeEvent(subjects.runEvent(runId, runEventKind(e.type)), e));
      const outcome = await publisher.publishBatch(chunk);
      if (outcome.error) throw outcome.error;
    }
    const publishSeconds = (Date.now() - publishStarted) / 1000;

    mkdirSync(join(ROOT, '.yard'), { recursive: true });
    const output = openSync(join(ROOT, '.yard', `bench-projection-${id}.log`), 'w');
    const flags = [...SERVICE_NODE_FLAGS, ...extraFlags, ...(cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(cpuProfileDir)}`] : [])];
    const startedAt = Date.now();
    running = child = spawn(process.execPath, [...flags, join(checkout, 'apps', 'projection', 'dist', 'main.js')], {
      cwd: checkout,
      env: { ...SERVICE_ENVIRONMENT, ...process.env, YARD_INSTANCE: instance, YARD_DATABASE_URL: databaseUrl, YARD_PROJECTION_ID: `projection-${instance}`, YARD_PROJECTION_METRICS_PORT: '0' },
      stdio: ['ignore', output, output],
    });
    closeSync(output);
    const stored = async (eventId) => (await db.query('SELECT 1 FROM job_log_entries WHERE id = $1', [eventId])).rowCount === 1;
    const firstId = lineId(runId, 1);
    const lastId = lineId(runId, lines);
    let peakRssKb = 0;
    const sample = () => {
      peakRssKb = Math.max(peakRssKb, testing.residentKbOf(readProc(child.pid, 'status')) ?? 0);
      return testing.cpuTicksOf(readProc(child.pid, 'stat'));
    };
    // PostgreSQL's share: the CPU time of the server processes serving the projection (same machine, same cores).
    const ownBackend = (await db.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    const backendTicks = new Map();
    const sampleBackends = async () => {
      const { rows } = await db.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> $1', [ownBackend]);
      for (const { pid } of rows) {
        try {
          backendTicks.set(pid, testing.cpuTicksOf(readProc(pid, 'stat')));
        } catch {
          // ended meanwhile: its last reading stands
        }
      }
      return [...backendTicks.values()].reduce((sum, ticks) => sum + ticks, 0);
    };
    async function until(check) {
      for (;;) {
        if (child.exitCode !== null) throw new Error(`the projection exited ${child.exitCode}`);
        sample();
        if (await check()) return { at: Date.now(), ticks: sample(), pgTicks: await sampleBackends() };
        if (Date.now() - startedAt > TIMEOUT_MS) throw new Error('timed out');
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    }
    const first = await until(() => stored(firstId));
    backendTicks.clear();
    first.pgTicks = await sampleBackends();
    const last = await until(() => stored(lastId));
    const count = Number((await db.query('SELECT count(*) AS n FROM job_log_entries WHERE run_id = $1', [runId])).rows[0].n);
    const seconds = (last.at - first.at) / 1000;
    const cpuSeconds = (last.ticks - first.ticks) / CLOCK_TICKS_PER_SECOND;
    const pgCpuSeconds = (last.pgTicks - first.pgTicks) / CLOCK_TICKS_PER_SECOND;
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    console.log(
      `run ${round}: ${count} lines stored (expected ${lines}); first → last line ${seconds.toFixed(2)} s = ${Math.round(lines / seconds)} lines/s; ` +
        `projection CPU ${cpuSeconds.toFixed(2)} s = ${Math.round(lines / cpuSeconds)} lines per CPU second; PostgreSQL CPU ${pgCpuSeconds.toFixed(2)} s; peak RSS ${(peakRssKb / 1024).toFixed(1)} MB; ` +
        `start → first line ${((first.at - startedAt) / 1000).toFixed(1)} s; published in ${publishSeconds.toFixed(1)} s; load ${load}`,
    );
    return { linesPerSecond: lines / seconds, linesPerCpuSecond: lines / cpuSeconds, pgCpuSeconds, peakRssMb: peakRssKb / 1024 };
  } finally {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    await db?.end();
    await testing.deleteStreams(nc, instance);
    await nc.drain();
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "yard_benchproj_${id}" WITH (FORCE)`);
    await client.end();
  }
}

// Stopped early (Ctrl-C): the projection it started goes too (its database and streams stay, named benchproj_*).
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));
process.once('exit', () => running?.kill('SIGTERM'));
let running = null;

console.log(`Projection apply benchmark: ${lines} log lines (${shape === 'batch' ? `run.log_batch events of ${LINES_PER_BATCH}` : 'one run.log each'}), projection of ${checkout}`);
const results = [];
for (let round = 1; round <= runs; round++) results.push(await once(round));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(
  `median of ${runs}: ${Math.round(median(results.map((r) => r.linesPerSecond)))} lines/s, ${Math.round(median(results.map((r) => r.linesPerCpuSecond)))} lines per CPU second, ` +
    `PostgreSQL CPU ${median(results.map((r) => r.pgCpuSeconds)).toFixed(2)} s, peak RSS ${median(results.map((r) => r.peakRssMb)).toFixed(1)} MB`,
);
console.log(`Rerun: npm run bench:projection -- --lines ${lines} --runs ${runs} --shape ${shape}${checkout === ROOT ? '' : ` --checkout ${checkout}`}`);
