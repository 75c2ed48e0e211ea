// CPU time per run, by process, for `npm run bench`: what each part of a system spends on one run. Wall-clock
// figures on a shared 2-core machine move by 2x from run to run; CPU time per run moves far less, and says where a
// run's cost is (the API, the scheduler, the collector, the projection, PostgreSQL, NATS, the Temporal server, the
// benchmark's own process: its HTTP client for Yardmaster, its client and worker for bare Temporal).
// Linux only (/proc); on another system, or for a process on another host, the figures are left out.
import { readdirSync, readFileSync } from 'node:fs';

/** Linux's USER_HZ, 100 on every common build. */
export const CLOCK_TICKS_PER_SECOND = 100;

/** utime + stime of a /proc `stat` file (a process's, or a thread's under task/), in ticks; null when it is gone. */
export function statTicks(statPath) {
  try {
    const stat = readFileSync(statPath, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

function cpuTicks(pid) {
  return statTicks(`/proc/${pid}/stat`);
}

/** Every process whose command line matches, by pid. */
function pidsMatching(pattern) {
  const pids = [];
  for (const entry of safeReaddir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (pattern.test(commandLine)) pids.push(Number(entry));
    } catch {
      // gone between the listing and the read
    }
  }
  return pids;
}

function safeReaddir(path) {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

/**
 * The API's process: it answers no NATS ping, so it is found as the process running some checkout's
 * `apps/api/dist/main.js` whose YARD_API_PORT (3000 when unset) is the port the benchmark talks to; null when none
 * (another host, or not readable).
 */
export function apiPidListeningOn(port) {
  for (const pid of pidsMatching(/\/apps\/api\/dist\/main\.js/)) {
    try {
      const environment = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      const portVariable = environment.find((entry) => entry.startsWith('YARD_API_PORT='));
      if ((portVariable?.slice('YARD_API_PORT='.length) || '3000') === String(port)) return pid;
    } catch {
      // gone, or another user's
    }
  }
  return null;
}

/**
 * The groups of processes to account: the four services by their pids (from their health answers), and the shared
 * servers by command line. PostgreSQL counts every postgres process (the backends of every client on the machine:
 * on a shared server, others' queries count too, which the report says).
 */
export function processGroups(servicePids) {
  return {
    ...Object.fromEntries(Object.entries(servicePids).filter(([, pid]) => pid !== null).map(([name, pid]) => [name, () => [pid]])),
    postgres: () => pidsMatching(/^postgres(:|\s|$)|\/postgres\s/),
    nats: () => pidsMatching(/nats-server/),
    temporal: () => pidsMatching(/temporal server start-dev/),
    bench: () => [process.pid],
  };
}

/** CPU ticks of each group now (a process that ended since the last reading is simply not counted). */
function readGroups(groups) {
  const ticks = new Map();
  for (const [name, pidsOf] of Object.entries(groups)) {
    const byPid = new Map();
    for (const pid of pidsOf()) {
      const value = cpuTicks(pid);
      if (value !== null) byPid.set(pid, value);
    }
    ticks.set(name, byPid);
  }
  return ticks;
}

/**
 * Starts an accounting: `stop(runs)` answers CPU milliseconds per run for each group, counting only processes alive at
 * both readings (a PostgreSQL backend opened during the burst is not counted; the services hold pools).
 */
export function startCpuAccounting(groups) {
  const before = readGroups(groups);
  return {
    stop(runs) {
      const after = readGroups(groups);
      const perRun = {};
      for (const [name, byPid] of after) {
        let ticks = 0;
        for (const [pid, value] of byPid) {
          const start = before.get(name)?.get(pid);
          if (start !== undefined) ticks += value - start;
        }
        perRun[name] = (ticks / CLOCK_TICKS_PER_SECOND) * 1000 / Math.max(runs, 1);
      }
      return perRun;
    },
  };
}

/** Adds one burst's per-run figures into a running total weighted by runs. */
export function addCpu(total, perRun, runs) {
  for (const [name, ms] of Object.entries(perRun)) {
    total.ms[name] = (total.ms[name] ?? 0) + ms * runs;
  }
  total.runs += runs;
  return total;
}

/** The per-run averages of a total made by addCpu, rounded to 0.1 ms. */
export function cpuPerRun(total) {
  return Object.fromEntries(Object.entries(total.ms).map(([name, ms]) => [name, Math.round((ms / Math.max(total.runs, 1)) * 10) / 10]));
}
