// Measures, against a running stack (`npm start`), how long a user waits:
//   - from POST /api/jobs/examples.HelloWorld/runs to the run reading `completed` in the API;
//   - from POST /api/runs/{id}/cancel to the run reading `cancelled` (examples.SlowCount, cancelled mid-step);
//   - and throughput: a burst of --burst Hello World runs submitted at once, until all read `completed`.
// Sends the administrator's token: YARD_TOKEN, else the one `npm start` wrote to .yard/admin-token.
// Every wait has a deadline: --timeout seconds for each run to reach the status waited for, 15 s for each request.
// Rerun: npm run bench:latency [-- --runs 20 --burst 100 --timeout 120]  (YARD_URL defaults to http://127.0.0.1:$YARD_API_PORT, port 3000)
// `npm run bench` compares Hello World's latency and throughput with bare Temporal's; this one adds cancellation.
import { adminApi, BASE_URL, BenchStop, numberArgument, rerunCommand, runBench } from './admin-api.mjs';

const runs = numberArgument('runs', 10);
const burst = numberArgument('burst', 100);
const timeoutSeconds = numberArgument('timeout', 120);
const REQUEST_TIMEOUT_MS = 15_000;

await runBench('bench:latency', async () => {
  const { request, call } = adminApi({ timeoutMs: REQUEST_TIMEOUT_MS });
  const post = (path, body) => call('POST', path, body);

  async function waitForStatus(runId, wanted, pollMs = 20) {
    const deadline = Date.now() + timeoutSeconds * 1000;
    for (;;) {
      // Anything but 200 (a 404 until the projection has written the run) means: not yet.
      const { status, text } = await request('GET', `/api/runs/${runId}`);
      if (status === 200 && wanted.includes(JSON.parse(text).status)) return;
      if (Date.now() > deadline) {
        const seen = status === 200 ? `it reads ${JSON.parse(text).status}` : `the API answers ${status}`;
        throw new BenchStop(`gave up after ${timeoutSeconds} s waiting for run ${runId} to read ${wanted.join(' or ')} (${seen}; --timeout to wait longer)`);
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  const completion = [];
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    const { runId } = await post('/api/jobs/examples.HelloWorld/runs', { data: { name: `bench-${index}`, count: 3 } });
    await waitForStatus(runId, ['completed']);
    completion.push(Math.round(performance.now() - started));
  }

  const cancellation = [];
  for (let index = 0; index < runs; index++) {
    const { runId } = await post('/api/jobs/examples.SlowCount/runs', { data: { seconds: 60 } });
    await waitForStatus(runId, ['running']);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const started = performance.now();
    await post(`/api/runs/${runId}/cancel`, {});
    await waitForStatus(runId, ['cancelled']);
    cancellation.push(Math.round(performance.now() - started));
  }

  const burstStarted = performance.now();
  const burstIds = await Promise.all(
    Array.from({ length: burst }, (_, index) => post('/api/jobs/examples.HelloWorld/runs', { data: { name: `burst-${index}`, count: 3 } }).then((run) => run.runId)),
  );
  const accepted = performance.now() - burstStarted;
  for (const runId of burstIds) await waitForStatus(runId, ['completed'], 50);
  const burstSeconds = (performance.now() - burstStarted) / 1000;

  console.log(`Yardmaster run latency against ${BASE_URL} (${new Date().toISOString()})`);
  summary('Hello World, request to completed (API read model)', completion);
  summary('SlowCount, cancel request to cancelled (API read model)', cancellation);
  console.log(`Burst of ${burst} Hello World runs: all accepted in ${Math.round(accepted)} ms, all completed in ${burstSeconds.toFixed(1)} s (${(burst / burstSeconds).toFixed(1)} runs/s, 5 events each)`);
  console.log(`Rerun: ${rerunCommand('bench:latency', `--runs ${runs} --burst ${burst} --timeout ${timeoutSeconds}`)}`);
});

function summary(label, samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  console.log(`${label}: n=${sorted.length} min=${sorted[0]} ms median=${at(0.5)} ms p90=${at(0.9)} ms max=${sorted.at(-1)} ms`);
}
