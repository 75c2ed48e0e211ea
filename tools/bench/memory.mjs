// `npm run bench:memory`: the resident memory (RSS) of each of the four services, idle and while a job's
// 100,000 log lines pass through them (examples.LogFlood, the job `npm run bench:logs` runs). By default it
// starts a stack of its own (its own instance, database and API port, against the running Postgres, NATS and
// Temporal, brought up as `npm start` does) and removes it afterwards; `--reuse` measures the services of a running
// `npm start` of this checkout instead (YARD_URL, and YARD_TOKEN or .yard/admin-token).
// RSS is VmRSS of /proc/<pid>/status, sampled every 500 ms: idle (--settle seconds after every service turned quiet on the CPU),
// during the run until every line is readable over REST, and for --after seconds after that.
// Rerun: npm run bench:memory [-- --lines 100000 --settle 30 --after 20 --timeout 1800 --reuse]
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../stack/install.mjs';
import { METRICS_OFF } from './metrics-off.mjs';

const BUDGET_MB = 150;
const SAMPLE_MS = 500;
const IDLE_SAMPLES = 10;
/** A service counts as idle once it spent under 3% of a core over a 2-second window (timers, heartbeats, polls). */
const IDLE_CPU_SHARE = 0.03;
const IDLE_WINDOW_MS = 2000;
const IDLE_DEADLINE_MS = 90_000;
const CLOCK_TICKS_PER_SECOND = 100;

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const lines = argument('lines', 100_000);
const afterSeconds = argument('after', 20);
const timeoutSeconds = argument('timeout', 1800);
/**
 * Seconds between the services turning quiet and the idle samples: V8's memory reducer collects the start-up's
 * garbage a few seconds after allocation stops; what a service holds from then on is its idle figure.
 */
const settleSeconds = argument('settle', 30);
const reuse = process.argv.includes('--reuse');

const testing = await import('@yardmaster/testing');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const readProc = (pid, file) => readFileSync(`/proc/${pid}/${file}`, 'utf8');

/** kB resident, or null once the process is gone. */
function residentKb(pid) {
  try {
    return testing.residentKbOf(readProc(pid, 'status'));
  } catch {
    return null;
  }
}

/** Waits until every service is quiet on the CPU (start-up work, the first catalog announcements done). */
async function waitUntilIdle(services) {
  const deadline = Date.now() + IDLE_DEADLINE_MS;
  for (;;) {
    const before = services.map(({ pid }) => testing.cpuTicksOf(readProc(pid, 'stat')));
    await sleep(IDLE_WINDOW_MS);
    const shares = services.map(({ pid }, i) => (testing.cpuTicksOf(readProc(pid, 'stat')) - before[i]) / CLOCK_TICKS_PER_SECOND / (IDLE_WINDOW_MS / 1000));
    if (shares.every((share) => share < IDLE_CPU_SHARE)) return 'quiet';
    if (Date.now() > deadline) {
      return `not quiet after ${IDLE_DEADLINE_MS / 1000} s (${services.map(({ name }, i) => `${name} ${Math.round(shares[i] * 100)}%`).join(', ')}): sampled anyway`;
    }
  }
}

/** Samples every service's RSS every SAMPLE_MS under `phase` until `done()` answers true. */
async function sampleWhile(services, samples, phase, done) {
  while (!(await done())) {
    for (const { name, pid } of services) {
      const rssKb = residentKb(pid);
      if (rssKb === null) throw new Error(`${name} (pid ${pid}) exited during the measurement`);
      samples.get(name).push({ phase, rssKb });
    }
    await sleep(SAMPLE_MS);
  }
}

/** The services of a running `npm start` of this checkout: the API at YARD_URL's port and the others of its instance. */
function findRunningServices(apiUrl) {
  const port = new URL(apiUrl).port || '80';
  const found = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        const name = testing.serviceOfCommandLine(readProc(pid, 'cmdline'), ROOT);
        return name ? [{ name, pid: Number(pid), env: testing.environmentOf(readProc(pid, 'environ')) }] : [];
      } catch {
        return []; // gone, or another user's
      }
    });
  const api = found.find(({ name, env }) => name === 'api' && (env.YARD_API_PORT || '3000') === port);
  if (!api) throw new Error(`no API of this checkout (${ROOT}) listens on port ${port}: start the stack with \`npm start\`, or leave out --reuse`);
  const instance = api.env.YARD_INSTANCE || 'yard';
  const services = ['projection', 'scheduler', 'collector', 'api'].map((name) => {
    const matches = found.filter((service) => service.name === name && (service.env.YARD_INSTANCE || 'yard') === instance);
    if (matches.length !== 1) throw new Error(`${matches.length} ${name} processes of instance ${instance} run: expected one`);
    return { name, pid: matches[0].pid };
  });
  return { services, stop: async () => {} };
}

/** A stack of its own: `npm start`'s steps with an instance, a database, a port and an administrator of its own. */
async function startOwnStack() {
  const { ensureStack } = await import('../stack/ensure-stack.mjs');
  const { SERVICES, startService, waitForHealth } = await import('../stack/services.mjs');
  const id = randomBytes(4).toString('hex');
  const instance = `benchmem_${id}`;
  const serverUrl = testing.testDependencies.databaseUrl;
  const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/yard_benchmem_${id}` }).toString();
  const port = await testing.freePort();
  const env = {
    ...process.env,
    ...METRICS_OFF,
    YARD_INSTANCE: instance,
    YARD_DATABASE_URL: databaseUrl,
    YARD_API_HOST: '127.0.0.1',
    YARD_API_PORT: String(port),
    YARD_ADMIN_USERNAME: 'admin',
    YARD_ADMIN_TOKEN: `yard_${randomBytes(32).toString('base64url')}`,
    YARD_SECRETS_KEY: randomBytes(32).toString('base64'),
  };
  const stack = await ensureStack(env);
  mkdirSync(join(ROOT, '.yard'), { recursive: true });
  const logFile = join(ROOT, '.yard', `bench-memory-${id}.log`);
  const output = createWriteStream(logFile);
  const children = SERVICES.map((name) => ({ name, child: startService(name, env, { output }) }));
  process.env.YARD_URL = `http://127.0.0.1:${port}`;
  process.env.YARD_TOKEN = env.YARD_ADMIN_TOKEN;
  const stop = async () => {
    for (const { child } of children) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(children.map(({ child }) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null)));
    const { connectNats } = await import('@yardmaster/messaging');
    const nc = await connectNats(testing.testDependencies.natsUrl, 'bench-memory-cleanup');
    await testing.deleteStreams(nc, instance);
    await nc.drain();
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "yard_benchmem_${id}" WITH (FORCE)`);
    await client.end();
    await stack.stop();
    output.end();
  };
  const { ready, health } = await waitForHealth(process.env.YARD_URL, 120_000);
  if (!ready) {
    await stop();
    throw new Error(`the stack did not become healthy within 120 s: ${JSON.stringify(health)} (service logs: ${logFile})`);
  }
  console.log(`Own stack: instance ${instance}, ${process.env.YARD_URL}, service logs in ${logFile}`);
  return { services: children.map(({ name, child }) => ({ name, pid: child.pid })), stop };
}

const { services, stop } = reuse ? findRunningServices(process.env.YARD_URL ?? 'http://127.0.0.1:3000') : await startOwnStack();
const { adminApi, BASE_URL, BenchStop, rerunCommand, runBench } = await import('./admin-api.mjs');
try {
  await runBench('bench:memory', async () => {
    const { call, request } = adminApi({ timeoutMs: 15_000 });
    const samples = new Map(services.map(({ name }) => [name, []]));
    const deadline = Date.now() + timeoutSeconds * 1000;
    const beforeDeadline = () => {
      if (Date.now() > deadline) throw new BenchStop(`gave up after ${timeoutSeconds} s (--timeout to wait longer)`);
    };

    // The catalog: the collector has announced its jobs, so the run below is accepted.
    while ((await call('GET', '/api/jobs')).total < 3) {
      beforeDeadline();
      await sleep(250);
    }
    const idle = await waitUntilIdle(services);
    await sleep(settleSeconds * 1000);
    let idleTaken = 0;
    await sampleWhile(services, samples, 'idle', async () => idleTaken++ >= IDLE_SAMPLES);

    const { runId } = await call('POST', '/api/jobs/examples.LogFlood/runs', { data: { lines } });
    const startedAt = Date.now();
    let readable = 0;
    let status = 'queued';
    let lastCheck = 0;
    await sampleWhile(services, samples, 'load', async () => {
      beforeDeadline();
      // Asking the API costs it memory too: once a second is enough to see the end.
      if (Date.now() - lastCheck < 1000) return false;
      lastCheck = Date.now();
      // 404 until the projection has stored the run.
      const run = await request('GET', `/api/runs/${runId}`);
      if (run.status === 404) return false;
      status = JSON.parse(run.text).status;
      readable = (await call('GET', `/api/runs/${runId}/logs?grouping=run&limit=1`)).total;
      return readable >= lines && !['queued', 'running'].includes(status);
    });
    const loadSeconds = (Date.now() - startedAt) / 1000;
    const afterUntil = Date.now() + afterSeconds * 1000;
    await sampleWhile(services, samples, 'after', async () => Date.now() >= afterUntil);

    const figures = services.map(({ name }) => testing.summarizeServiceMemory(name, samples.get(name)));
    console.log(`Yardmaster memory (RSS) against ${BASE_URL} (${new Date().toISOString()}, Node ${process.version})`);
    console.log(`idle: ${idle}, then ${settleSeconds} s; ${IDLE_SAMPLES} samples, the median`);
    console.log(`load: examples.LogFlood, ${lines} lines (run ${runId}, ${status}, ${readable} readable over REST after ${loadSeconds.toFixed(1)} s); peak of samples every ${SAMPLE_MS} ms`);
    console.log(`after: the last sample, ${afterSeconds} s after every line was readable`);
    for (const line of testing.memoryTable(figures, BUDGET_MB)) console.log(`  ${line}`);
    const args = `--lines ${lines} --settle ${settleSeconds} --after ${afterSeconds} --timeout ${timeoutSeconds}`;
    // The own stack's address is gone once this ends: the rerun starts another.
    console.log(`Rerun: ${reuse ? rerunCommand('bench:memory', `${args} --reuse`) : `npm run bench:memory -- ${args}`}`);
  });
} finally {
  await stop();
}
