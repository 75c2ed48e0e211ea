// `npm run bench`: Yardmaster beside bare Temporal on the same Temporal server, in one run (issue 12).
//   - runs/s with --concurrency clients (default 16), --runs runs per system (default 300) in --rounds rounds,
//     the systems taking turns round by round (and going first in turn) so that the machine's mood hits both alike;
//   - latency percentiles p50/p90/p99: submit → running, submit → terminal;
//   - one run on an idle system (--idle-runs runs one at a time, alternating; the median);
//   - log lines/s end to end (run-logs.mjs's measurement, --lines lines) and projection lag;
//   - the ratios Yardmaster / bare Temporal against issue 12's goals.
// Bare Temporal is examples.HelloWorld's shape without Yardmaster: one workflow, one activity (compare/bare-workflow.js),
// a worker and a client in this process on a task queue of their own. Yardmaster is examples.HelloWorld (count 1)
// through the REST API with the administrator's token (YARD_TOKEN, else .yard/admin-token).
// Reuses the API at YARD_URL (or 127.0.0.1:YARD_API_PORT) when it answers; otherwise starts the stack as `npm start`
// does and stops it at the end. Every wait has a deadline (--timeout seconds, default 600).
// Rerun: npm run bench [-- --quick]  (about a minute on a quiet machine)
import { cpus, loadavg } from 'node:os';
import { adminApi, BASE_URL, BenchStop, runBench } from './admin-api.mjs';
import { argsFor, parseBenchArgs, UsageError } from './compare/args.mjs';
import { startBareTemporal } from './compare/bare-temporal.mjs';
import { burst, idleRuns } from './compare/load.mjs';
import { printReport } from './compare/report.mjs';
import { benchStack } from './compare/stack.mjs';
import { yardmasterRunner } from './compare/yardmaster.mjs';
import { measureLogThroughput } from './run-logs.mjs';
import { roundSizes } from './compare/stats.mjs';
import { addCpu, apiPidListeningOn, processGroups, startCpuAccounting } from './compare/cpu-per-run.mjs';
import { connectToInstance, servicePid } from './service-watch.mjs';
import { addThreads, startThreadAccounting } from './compare/thread-cpu.mjs';

const REQUEST_TIMEOUT_MS = 30_000;
const say = (message) => console.log(`[bench] ${message}`);

await runBench('bench', async () => {
  const options = parsedOptions();
  const loadBefore = loadavg();
  const stack = await benchStack(say);
  let bare = null;
  try {
    const timeoutMs = options.timeout * 1000;
    const yardmaster = yardmasterRunner({ ...adminApi({ timeoutMs: REQUEST_TIMEOUT_MS }), timeoutMs });
    bare = await startBareTemporal({ ...stack.temporal, timeoutMs });
    const systems = [yardmaster, bare];

    say(`Warming up: ${options.warmupRuns} runs of each system at concurrency ${options.concurrency}`);
    for (const system of systems) await burst(system, options.warmupRuns, options.concurrency, 'warmup');

    say(`One run at a time on an idle system: ${options.idleRuns} runs of each, alternating`);
    const idle = await idleRuns(systems, options.idleRuns);

    const servicePids = await serviceProcessIds();
    const groups = processGroups(servicePids);
    // The process that runs each system's Temporal worker, whose threads are accounted too.
    const workerPids = new Map([[yardmaster.name, servicePids.collector], [bare.name, process.pid]]);
    const bursts = new Map(systems.map((system) => [system.name, { runs: 0, elapsedMs: 0, samples: [], cpu: { runs: 0, ms: {} }, threads: { runs: 0, threads: new Map() } }]));
    for (const [round, size] of roundSizes(options.runs, options.rounds).entries()) {
      for (const system of round % 2 === 0 ? systems : [...systems].reverse()) {
        const accounting = startCpuAccounting(groups);
        const workerPid = workerPids.get(system.name);
        const threadAccounting = workerPid ? startThreadAccounting(workerPid) : null;
        const { elapsedMs, samples } = await burst(system, size, options.concurrency, `round${round}`);
        const total = bursts.get(system.name);
        addCpu(total.cpu, accounting.stop(size), size);
        if (threadAccounting) addThreads(total.threads, threadAccounting.stop(), size);
        Object.assign(total, { runs: total.runs + size, elapsedMs: total.elapsedMs + elapsedMs, samples: [...total.samples, ...samples] });
        say(`Round ${round + 1}: ${system.name}, ${size} runs in ${(elapsedMs / 1000).toFixed(1)} s`);
      }
    }

    say(`Log throughput: examples.LogFlood writing ${options.lines} lines`);
    const logs = await measureLogThroughput({ lines: options.lines, timeoutSeconds: options.timeout });

    printReport({ options, apiUrl: stack.apiUrl, idle, bursts, workerPids, logs, load: { before: loadBefore, after: loadavg(), cores: cpus().length }, rerun: rerunLine(options) });
  } finally {
    await bare?.stop();
    await stack.stop();
  }
});

// A failed run leaves its burst's other clients polling until their own deadlines: nothing of theirs is wanted now.
if (process.exitCode) process.exit(process.exitCode);

/** The four services' process ids (null for one that does not answer, or runs elsewhere: left out of the CPU table). */
async function serviceProcessIds() {
  const instance = await connectToInstance();
  try {
    const pids = { api: apiPidListeningOn(new URL(BASE_URL).port || '80') };
    for (const service of ['scheduler', 'collector', 'projection']) pids[service] = await servicePid(instance, service);
    return pids;
  } finally {
    await instance.nc.close();
  }
}

function parsedOptions() {
  try {
    return parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) throw new BenchStop(error.message);
    throw error;
  }
}

function rerunLine(options) {
  const env = ['YARD_URL', 'YARD_API_PORT', 'YARD_INSTANCE', 'YARD_DATABASE_URL', 'TEMPORAL_ADDRESS'].filter((name) => process.env[name]).map((name) => `${name}=${process.env[name]}`);
  const args = argsFor(options);
  return [...env, 'npm run bench', ...(args ? ['--', args] : [])].join(' ');
}
