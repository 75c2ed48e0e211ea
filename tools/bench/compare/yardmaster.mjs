// Yardmaster's side of `npm run bench`: examples.HelloWorld through the REST API, as a user runs it.
import { BenchStop } from '../admin-api.mjs';

export const TERMINAL = ['completed', 'failed', 'errored', 'cancelled', 'timed_out'];
// Each GET waits this long at most for the run's end (`waitForEnd`), inside the 30 s each request may take; a run not ended by then is asked again.
const WAIT_FOR_END_SECONDS = 20;
// Until the projection has written the run (404), the client asks again this often.
const NOT_YET_WRITTEN_POLL_MS = 10;

/**
 * One run: POST, then GET /api/runs/{id}?waitForEnd=20, which answers as soon as the read model says the run ended
 * (the way a client of bare Temporal waits in `handle.result()`). submit → running is the run's startedAt (the
 * workflow's run.started, same clock: this machine); submit → terminal is when the API answered the end; projection
 * lag is that answer's time minus the run's completedAt (the terminal event's time in the workflow).
 */
export function yardmasterRunner({ call, request, timeoutMs }) {
  return {
    name: 'Yardmaster',
    async runOnce(label) {
      const submittedAt = Date.now();
      const { runId } = await call('POST', '/api/jobs/examples.HelloWorld/runs', { data: { name: `bench-${label}`, count: 1 } });
      const acceptedMs = Date.now() - submittedAt;
      const deadline = submittedAt + timeoutMs;
      for (;;) {
        // A 404 means the projection has not written the run yet.
        const { status, text } = await request('GET', `/api/runs/${runId}?waitForEnd=${WAIT_FOR_END_SECONDS}`);
        const now = Date.now();
        if (status === 200) {
          const run = JSON.parse(text);
          if (TERMINAL.includes(run.status)) {
            if (run.status !== 'completed') throw new BenchStop(`run ${runId} of examples.HelloWorld ended ${run.status}: ${JSON.stringify(run.error)}`);
            return { acceptedMs, runningMs: Date.parse(run.startedAt) - submittedAt, terminalMs: now - submittedAt, projectionLagMs: now - Date.parse(run.completedAt) };
          }
        }
        if (now > deadline) throw new BenchStop(`gave up after ${Math.round(timeoutMs / 1000)} s waiting for run ${runId} to end (last answer ${status}; --timeout to wait longer)`);
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, NOT_YET_WRITTEN_POLL_MS));
      }
    },
  };
}
