// `npm run bench:rebuild`: how long rebuilding the read models from the streams takes, and what it costs the live
// projection meanwhile. On an instance and a database of its own (removed afterwards), against the running
// PostgreSQL and NATS: it publishes --runs runs (run.requested, run.started, run.completed, and --lines log lines
// spread over them, in run.log_batch events of at most 256 as the collector packs them), starts the projection
// (as `npm start` does) and lets it apply them all, then
//   1. times the projection applying a further --probe-runs runs alone (its events/s with no rebuild),
//   2. times it applying as many again while `npm run projection -- rebuild` (every model, compare only) runs,
//   3. prints the rebuild's own figures: seconds, events replayed per second, and whether every table compared equal.
// Rerun: npm run bench:rebuild [-- --runs 100000 --lines 1000000 --probe-runs 5000]
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../stack/install.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '100000' }, lines: { type: 'string', default: '1000000' }, 'probe-runs': { type: 'string', default: '5000' } } });
const runs = Number(values.runs);
const lines = Number(values.lines);
const probeRuns = Number(values['probe-runs']);
const LINES_PER_BATCH = 256;
const PUBLISH_CHUNK = 2_000;
const TIMEOUT_MS = 30 * 60_000;

const testing = await import('@yardmaster/testing');
const { connectNats, EventPublisher, encodeEvent, ensureStreams } = await import('@yardmaster/messaging');
const { newEvent, runEventKind, subjectsFor, streamNamesFor } = await import('@yardmaster/contracts');
const { SERVICE_ENVIRONMENT, SERVICE_NODE_FLAGS } = await import('@yardmaster/config');
const { jetstreamManager } = await import('@nats-io/jetstream');

const id = randomBytes(4).toString('hex');
const instance = `benchrebuild_${id}`;
const databaseName = `yard_benchrebuild_${id}`;
const databaseUrl = Object.assign(new URL(testing.testDependencies.databaseUrl), { pathname: `/${databaseName}` }).toString();
const subjects = subjectsFor(instance);
const streams = streamNamesFor(instance);
const env = { ...SERVICE_ENVIRONMENT, ...process.env, YARD_INSTANCE: instance, YARD_DATABASE_URL: databaseUrl, YARD_PROJECTION_ID: `projection-${instance}`, YARD_PROJECTION_METRICS_PORT: '0' };

function event(type, runId, sequence, data, eventId = `${runId}:${type}:${sequence}`) {
  return newEvent({ id: eventId, type, aggregateId: runId, actor: 'bench', data, occurredAt: new Date().toISOString(), sequence, correlationId: `bench-${runId}`, causationId: null });
}

/** One run's events: requested, started, its share of the log lines, completed. */
function runEvents(runId, lineCount) {
  const at = new Date().toISOString();
  const events = [
    event('run.requested', runId, 1, { jobId: 'examples.Bench', jobName: 'Bench', data: {}, commit: true, queue: 'default', requestedBy: 'bench', workflowId: `run-${runId}`, requestedAt: at }),
    event('run.started', runId, 2, { jobId: 'examples.Bench', workflowId: `run-${runId}`, attempt: 1 }),
  ];
  for (let first = 1; first <= lineCount; first += LINES_PER_BATCH) {
    const last = Math.min(lineCount, first + LINES_PER_BATCH - 1);
    const entries = [];
    for (let line = first; line <= last; line++) entries.push({ id: `${runId}:run:1:log:${line}`, sequence: line, level: 'info', grouping: 'run', message: `Checked interface ${line}`, object: null, attempt: 1, loggedAt: at });
    events.push(event('run.log_batch', runId, 2 + first, { entries }, `${runId}:run:1:logs:${first}-${last}`));
  }
  events.push(event('run.completed', runId, 3 + lineCount, { result: { ok: true } }));
  return events;
}

/** Publishes `count` runs with `lineTotal` lines among them; resolves to the number of events. */
async function publishRuns(publisher, count, lineTotal) {
  let pending = [];
  let published = 0;
  const flush = async () => {
    const outcome = await publisher.publishBatch(pending);
    if (outcome.error) throw outcome.error;
    published += pending.length;
    pending = [];
  };
  for (let index = 0; index < count; index++) {
    const runId = randomUUID();
    const lineCount = Math.floor(lineTotal / count) + (index < lineTotal % count ? 1 : 0);
    for (const e of runEvents(runId, lineCount)) pending.push(encodeEvent(subjects.runEvent(runId, runEventKind(e.type)), e));
    if (pending.length >= PUBLISH_CHUNK) await flush();
  }
  if (pending.length > 0) await flush();
  return published;
}

/** Waits until the projection has acknowledged the whole runs stream; the seconds it took from `since`. */
async function projectionCaughtUp(jsm, since) {
  for (;;) {
    if (projection.exitCode !== null) throw new Error(`the projection exited ${projection.exitCode}`);
    const { state } = await jsm.streams.info(streams.runs);
    const consumer = await jsm.consumers.info(streams.runs, streams.projectionConsumer).catch(() => null);
    if (consumer && consumer.ack_floor.stream_seq >= state.last_seq) return (Date.now() - since) / 1000;
    if (Date.now() - since > TIMEOUT_MS) throw new Error('timed out waiting for the projection');
    await new Promise((r) => setTimeout(r, 100));
  }
}

function run(command, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'], ...options });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.once('exit', (code) => (code === 0 || code === 2 ? resolvePromise({ code, stdout }) : reject(new Error(`${command} ${args.join(' ')} exited ${code}`))));
  });
}

let projection = null;
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));
process.once('exit', () => projection?.kill('SIGTERM'));

const nc = await connectNats(testing.testDependencies.natsUrl, `bench-rebuild-${id}`);
const pg = (await import('pg')).default;
try {
  console.log(`Rebuild benchmark: ${runs} runs with ${lines} log lines on instance ${instance}; load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  await run(process.execPath, [join(ROOT, 'tools', 'migrate.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
  await ensureStreams(nc, instance);
  const publisher = new EventPublisher(nc);
  const jsm = await jetstreamManager(nc);
  let started = Date.now();
  const events = await publishRuns(publisher, runs, lines);
  console.log(`published ${events} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  mkdirSync(join(ROOT, '.yard'), { recursive: true });
  const output = openSync(join(ROOT, '.yard', `bench-rebuild-${id}.log`), 'w');
  started = Date.now();
  projection = spawn(process.execPath, [...SERVICE_NODE_FLAGS, join(ROOT, 'apps', 'projection', 'dist', 'main.js')], { cwd: ROOT, env, stdio: ['ignore', output, output] });
  closeSync(output);
  const initial = await projectionCaughtUp(jsm, started);
  console.log(`the projection applied the ${events} events in ${initial.toFixed(1)} s (${Math.round(events / initial)} events/s, start-up included)`);

  const probeLines = Math.round((lines / runs) * probeRuns);
  started = Date.now();
  const probeEvents = await publishRuns(publisher, probeRuns, probeLines);
  const alone = await projectionCaughtUp(jsm, started);
  console.log(`1. the projection alone: ${probeEvents} new events published and applied in ${alone.toFixed(1)} s (${Math.round(probeEvents / alone)} events/s)`);

  started = Date.now();
  const rebuilding = run('npm', ['run', '--silent', 'projection', '--', 'rebuild', '--json']);
  await new Promise((r) => setTimeout(r, 2_000));
  const probeStarted = Date.now();
  await publishRuns(publisher, probeRuns, probeLines);
  const during = await projectionCaughtUp(jsm, probeStarted);
  console.log(`2. the projection while rebuilding: ${probeEvents} new events published and applied in ${during.toFixed(1)} s (${Math.round(probeEvents / during)} events/s, ${(alone / during).toFixed(2)}x its rate alone)`);
  const { code, stdout } = await rebuilding;
  const report = JSON.parse(stdout);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const counts = (await db.query('SELECT (SELECT count(*) FROM job_runs)::int AS runs, (SELECT count(*) FROM job_log_entries)::int AS lines')).rows[0];
  await db.end();
  const differing = report.tables.filter((table) => !table.equal).map((table) => table.table);
  console.log(
    `3. rebuild of every read model (compare only, exit ${code}): ${report.seconds} s for ${report.eventsApplied} events (${report.eventsPerSecond} events/s) ` +
      `over ${counts.runs} runs and ${counts.lines} log lines; ${differing.length === 0 ? 'every table identical' : `differs: ${differing.join(', ')}`}; wall ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  for (const stream of report.streams) console.log(`   ${stream.stream} through ${stream.consumer} [${stream.events}]: ${stream.applied} events in ${stream.seconds} s`);
  console.log(`Rerun: npm run bench:rebuild -- --runs ${runs} --lines ${lines} --probe-runs ${probeRuns}`);
} finally {
  if (projection && projection.exitCode === null) {
    projection.kill('SIGTERM');
    await new Promise((r) => projection.once('exit', r));
  }
  await testing.deleteStreams(nc, instance);
  await nc.drain();
  const admin = new pg.Client({ connectionString: testing.testDependencies.databaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  await admin.end();
}
