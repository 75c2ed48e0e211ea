// Measures, against a running stack (`npm start`), how fast a job's log reaches the user: a run of
// examples.LogFlood writes --lines info entries (default 100,000), and the benchmark polls GET /api/runs/{id}/logs
// until every line is readable. It prints how fast the job wrote, how long after the last line written all were
// readable, lines per second end to end (first line written to all readable), the projection's lag (its peak
// backlog of run events in JetStream), and the peak resident memory and CPU time of the collector and the projection
// (read from /proc when the stack runs on this machine; their pids come from the services' ids).
// Sends the administrator's token: YARD_TOKEN, else the one `npm start` wrote to .yard/admin-token.
// Rerun: npm run bench:logs [-- --lines 100000 --timeout 1800]  (YARD_URL defaults to http://127.0.0.1:3000;
// YARD_INSTANCE and YARD_NATS_URL as given to `npm start`)
// `npm run bench` imports measureLogThroughput to report the same figures beside bare Temporal.
import { pathToFileURL } from 'node:url';
import { adminApi, BASE_URL, BenchStop, numberArgument, rerunCommand, runBench } from './admin-api.mjs';
import { connectToInstance, pidOfServiceId, servicePid, startWatch } from './service-watch.mjs';

const REQUEST_TIMEOUT_MS = 15_000;
// Each poll counts the run's lines in PostgreSQL: often enough to time the end, seldom enough not to slow the projection.
const POLL_MS = 250;
/** The largest page GET /api/runs/{id}/logs answers. */
const PAGE_SIZE = 500;

/**
 * Runs examples.LogFlood with `lines` lines and measures how fast they became readable over REST, the projection's
 * peak backlog and the collector's and projection's memory and CPU; with `readWholeLog`, also how long reading the
 * whole log page by page takes.
 */
export async function measureLogThroughput({ lines, timeoutSeconds, readWholeLog = false }) {
  const { call, request } = adminApi({ timeoutMs: REQUEST_TIMEOUT_MS });
  const deadline = Date.now() + timeoutSeconds * 1000;

  async function until(what, check, pollMs = POLL_MS) {
    for (;;) {
      const value = await check();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new BenchStop(`gave up after ${timeoutSeconds} s waiting for ${what} (--timeout to wait longer)`);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  const instance = await connectToInstance().catch((error) => {
    throw new BenchStop(`cannot reach NATS for the projection's backlog (${error.message}): set YARD_NATS_URL and YARD_INSTANCE as for \`npm start\``);
  });
  const watch = await startWatch(instance);
  try {
    watch.follow('projection', await servicePid(instance, 'projection'));
    // The collector that answers first; replaced below by the one that runs the job when that is another.
    watch.follow('collector', await servicePid(instance, 'collector'));
    const { runId } = await call('POST', '/api/jobs/examples.LogFlood/runs', { data: { lines } });
    const logs = (limit, offset = 0) => call('GET', `/api/runs/${runId}/logs?grouping=run&limit=${limit}&offset=${offset}`);
    // The run is 404 until the projection has applied its run.requested: not there yet, not a failure.
    const first = await until('the first line', async () => {
      const { status, text } = await request('GET', `/api/runs/${runId}/logs?grouping=run&limit=1`);
      if (status === 404) return undefined;
      if (status >= 300) throw new BenchStop(`GET /api/runs/${runId}/logs answered ${status}: ${text}`);
      return JSON.parse(text).items[0];
    });
    const worker = (await call('GET', `/api/runs/${runId}`)).steps?.run?.worker;
    watch.follow('collector', pidOfServiceId(worker));
    let readable = 0;
    const allReadableAt = await until(`all ${lines} lines`, async () => {
      readable = (await logs(1)).total;
      return readable >= lines ? Date.now() : undefined;
    });
    const run = await until('the run to end', async () => {
      const current = await call('GET', `/api/runs/${runId}`);
      return ['completed', 'failed', 'errored', 'cancelled', 'timed_out'].includes(current.status) ? current : undefined;
    }, 250);
    const { memory, peakBacklog } = await watch.stop();
    // What a client reading the whole log meets: every page of the largest size, in order, by offset and by cursor.
    const wholeLog = readWholeLog ? await readWholeLogTwice(call, logs, runId, lines) : null;

    const last = (await logs(1, lines - 1)).items[0];
    const firstWrittenAt = Date.parse(first.loggedAt);
    const lastWrittenAt = Date.parse(last.loggedAt);
    const endToEndSeconds = (allReadableAt - firstWrittenAt) / 1000;
    // The job is paced by its log buffer: once it is full, lines are written only as fast as they reach NATS.
    const writingSeconds = Math.max(0.001, (lastWrittenAt - firstWrittenAt) / 1000);
    const afterLastSeconds = (allReadableAt - lastWrittenAt) / 1000;
    return {
      runId,
      status: run.status,
      readable,
      seconds: endToEndSeconds,
      linesPerSecond: lines / endToEndSeconds,
      writingSeconds,
      writtenPerSecond: lines / writingSeconds,
      afterLastSeconds,
      peakBacklog,
      memory,
      wholeLog,
    };
  } finally {
    await watch.stop();
    await instance.nc.close();
  }
}

/** Every page of the largest size, in order, by offset and then by cursor (`after=`): what a client reading it all meets. */
async function readWholeLogTwice(call, logs, runId, lines) {
  const pages = Math.ceil(lines / PAGE_SIZE);
  let readStarted = Date.now();
  for (let offset = 0; offset < lines; offset += PAGE_SIZE) await logs(PAGE_SIZE, offset);
  const byOffsetSeconds = (Date.now() - readStarted) / 1000;
  readStarted = Date.now();
  for (let after = -1, read = 0; read < lines; ) {
    const { items } = await call('GET', `/api/runs/${runId}/logs?grouping=run&limit=${PAGE_SIZE}${after < 0 ? '' : `&after=${after}`}`);
    if (items.length === 0) break;
    read += items.length;
    after = items.at(-1).position;
  }
  return { pages, byOffsetSeconds, byCursorSeconds: (Date.now() - readStarted) / 1000 };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const lines = numberArgument('lines', 100_000);
  const timeoutSeconds = numberArgument('timeout', 1800);
  await runBench('bench:logs', async () => {
    const { runId, status, readable, seconds: endToEndSeconds, writingSeconds, afterLastSeconds, peakBacklog, memory, wholeLog } = await measureLogThroughput({
      lines,
      timeoutSeconds,
      readWholeLog: true,
    });
    const { pages, byOffsetSeconds, byCursorSeconds } = wholeLog;
    const mb = (bytes) => (bytes === null || bytes === undefined ? 'n/a' : `${Math.round(bytes / 1024 / 1024)} MB`);
    console.log(`Yardmaster log throughput against ${BASE_URL} (${new Date().toISOString()})`);
    console.log(`examples.LogFlood, ${lines} lines (run ${runId}, ${status}):`);
    console.log(`  written by the job:                  ${writingSeconds.toFixed(1)} s = ${Math.round(lines / writingSeconds)} lines/s (first to last line written)`);
    console.log(`  last line written to all readable:   ${afterLastSeconds.toFixed(1)} s (all ${readable} over REST)`);
    console.log(`  end to end:                          ${endToEndSeconds.toFixed(1)} s = ${Math.round(lines / endToEndSeconds)} lines/s (first line written to all readable)`);
    const perPage = (seconds) => `${seconds.toFixed(1)} s, ${Math.round((seconds * 1000) / pages)} ms a page`;
    console.log(`  whole log read page by page:        ${pages} pages of ${PAGE_SIZE}: by offset ${perPage(byOffsetSeconds)}; by cursor (after=) ${perPage(byCursorSeconds)}`);
    console.log(`  projection lag:                      peak ${peakBacklog} run events waiting in JetStream`);
    for (const name of ['collector', 'projection']) {
      const entry = memory.get(name);
      console.log(`  ${`${name} RSS:`.padEnd(36)} ${entry ? `${mb(entry.first)} at first sample, peak ${mb(entry.peak)} (pid ${entry.pid})` : 'not measured (no local process id)'}`);
      // CPU time is what a busy, shared machine does not distort: lines per CPU second is the process's pace on a core of its own.
      if (entry?.cpu) console.log(`  ${`${name} CPU:`.padEnd(36)} ${entry.cpu.toFixed(1)} s used = ${Math.round(lines / entry.cpu)} lines per CPU second`);
    }
    const ownInstance = process.env.YARD_INSTANCE ? `YARD_INSTANCE=${process.env.YARD_INSTANCE} ` : '';
    console.log(`Rerun: ${ownInstance}${rerunCommand('bench:logs', `--lines ${lines} --timeout ${timeoutSeconds}`)}`);
  });
}
