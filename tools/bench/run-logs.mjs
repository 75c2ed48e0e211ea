// Measures, against a running stack (`npm start`), how fast a job's log reaches the user: a run of
// examples.LogFlood writes --lines info entries (default 100,000); the figure is lines per second from the
// first line written (its loggedAt) until every line is readable over REST (GET /api/runs/{id}/logs).
// Sends the administrator's token: YARD_TOKEN, else the one `npm start` wrote to .yard/admin-token.
// Rerun: npm run bench:logs [-- --lines 100000 --timeout 1800]  (YARD_URL defaults to http://127.0.0.1:3000)
// `npm run bench` imports measureLogThroughput to report the same figure beside bare Temporal.
import { pathToFileURL } from 'node:url';
import { adminApi, BASE_URL, BenchStop, numberArgument, rerunCommand, runBench } from './admin-api.mjs';

const REQUEST_TIMEOUT_MS = 15_000;

/** Runs examples.LogFlood with `lines` lines and answers how fast they became readable over REST. */
export async function measureLogThroughput({ lines, timeoutSeconds }) {
  const { call, request } = adminApi({ timeoutMs: REQUEST_TIMEOUT_MS });
  const deadline = Date.now() + timeoutSeconds * 1000;

  async function until(what, check, pollMs = 250) {
    for (;;) {
      const value = await check();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new BenchStop(`gave up after ${timeoutSeconds} s waiting for ${what} (--timeout to wait longer)`);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  const { runId } = await call('POST', '/api/jobs/examples.LogFlood/runs', { data: { lines } });
  const logs = (limit) => call('GET', `/api/runs/${runId}/logs?grouping=run&limit=${limit}`);
  // A 404 until the projection has written the run means: not yet.
  const first = await until('the first line', async () => {
    const { status, text } = await request('GET', `/api/runs/${runId}/logs?grouping=run&limit=1`);
    return status === 200 ? JSON.parse(text).items[0] : undefined;
  });
  let readable = 0;
  const allReadableAt = await until(`all ${lines} lines`, async () => {
    readable = (await logs(1)).total;
    return readable >= lines ? Date.now() : undefined;
  });
  const run = await until('the run to end', async () => {
    const current = await call('GET', `/api/runs/${runId}`);
    return ['completed', 'failed', 'errored', 'cancelled', 'timed_out'].includes(current.status) ? current : undefined;
  });

  const last = (await call('GET', `/api/runs/${runId}/logs?grouping=run&limit=1&offset=${lines - 1}`)).items[0];
  const seconds = (allReadableAt - Date.parse(first.loggedAt)) / 1000;
  // The job is paced by its log buffer: once it is full, lines are written only as fast as they reach NATS.
  const writingSeconds = Math.max(0.001, (Date.parse(last.loggedAt) - Date.parse(first.loggedAt)) / 1000);
  return { runId, status: run.status, readable, seconds, linesPerSecond: lines / seconds, writingSeconds, writtenPerSecond: lines / writingSeconds };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const lines = numberArgument('lines', 100_000);
  const timeoutSeconds = numberArgument('timeout', 1800);
  await runBench('bench:logs', async () => {
    const figures = await measureLogThroughput({ lines, timeoutSeconds });
    console.log(`Yardmaster log throughput against ${BASE_URL} (${new Date().toISOString()})`);
    console.log(`examples.LogFlood, ${lines} lines (run ${figures.runId}, ${figures.status}):`);
    console.log(`  first line written to all ${figures.readable} readable over REST: ${figures.seconds.toFixed(1)} s = ${Math.round(figures.linesPerSecond)} lines/s`);
    console.log(`  first line written to last line written (the job, paced by delivery to NATS): ${figures.writingSeconds.toFixed(1)} s = ${Math.round(figures.writtenPerSecond)} lines/s`);
    console.log(`Rerun: ${rerunCommand('bench:logs', `--lines ${lines} --timeout ${timeoutSeconds}`)}`);
  });
}
