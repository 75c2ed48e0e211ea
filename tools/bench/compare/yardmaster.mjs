// Yardmaster's side of `npm run bench`: examples.HelloWorld through the REST API, as a user runs it.
import { BenchStop } from '../admin-api.mjs';

export const TERMINAL = ['completed', 'failed', 'errored', 'cancelled', 'timed_out'];
// A client alone polls at 10 ms, to see an idle run end within 10 ms. Sixteen clients polling that often would be
// most of the API's work (its CPU profile says so), a load of the benchmark's own making: in bursts they poll at 50 ms.
const IDLE_POLL_MS = 10;
const BUSY_POLL_MS = 50;

/**
 * One run: POST, then GET /api/runs/{id} every 10 ms (50 ms in a burst) until the read model says it ended. submit → running is the run's
 * startedAt (the workflow's run.started, same clock: this machine); submit → terminal is when the API answered the
 * end; projection lag is that answer's time minus the run's completedAt (the terminal event's time in the workflow).
 */
export function yardmasterRunner({ call, request, timeoutMs }) {
  return {
    name: 'Yardmaster',
    async runOnce(label, { busy = false } = {}) {
      const submittedAt = Date.now();
      const { runId } = await call('POST', '/api/jobs/examples.HelloWorld/runs', { data: { name: `bench-${label}`, count: 1 } });
      const acceptedMs = Date.now() - submittedAt;
      const deadline = submittedAt + timeoutMs;
      for (;;) {
        // Anything but 200 (a 404 until the projection has written the run) means: not yet.
        const { status, text } = await request('GET', `/api/runs/${runId}`);
        const now = Date.now();
        if (status === 200) {
          const run = JSON.parse(text);
          if (TERMINAL.includes(run.status)) {
            if (run.status !== 'completed') throw new BenchStop(`run ${runId} of examples.HelloWorld ended ${run.status}: ${JSON.stringify(run.error)}`);
            return { acceptedMs, runningMs: Date.parse(run.startedAt) - submittedAt, terminalMs: now - submittedAt, projectionLagMs: now - Date.parse(run.completedAt) };
          }
        }
        if (now > deadline) throw new BenchStop(`gave up after ${Math.round(timeoutMs / 1000)} s waiting for run ${runId} to end (last answer ${status}; --timeout to wait longer)`);
        await new Promise((resolve) => setTimeout(resolve, busy ? BUSY_POLL_MS : IDLE_POLL_MS));
      }
    },
  };
}
