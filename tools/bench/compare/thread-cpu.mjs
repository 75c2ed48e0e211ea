// CPU time per run by thread, for `npm run bench`: how a Temporal worker's process spends a run. Yardmaster's worker is
// the collector; bare Temporal's runs in the benchmark's own process (its client on the main thread too). Node names
// its worker threads as it names the main one ("node"), so the workflow isolate is found as the busiest thread that is
// neither the main thread nor Temporal's Rust core (tokio-runtime-*); V8's helpers and libuv's pool are the rest.
// Linux only (/proc); elsewhere the table is left out.
import { readdirSync, readFileSync } from 'node:fs';
import { CLOCK_TICKS_PER_SECOND, statTicks } from './cpu-per-run.mjs';

/** Each thread of a process: its name and utime + stime in ticks. Empty when the process is gone or /proc is absent. */
export function threadTicks(pid) {
  const threads = new Map();
  let tids = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return threads;
  }
  for (const tid of tids) {
    const ticks = statTicks(`/proc/${pid}/task/${tid}/stat`);
    // null: the thread ended between the listing and the read.
    if (ticks !== null) threads.set(Number(tid), { name: threadName(pid, tid), ticks });
  }
  return threads;
}

function threadName(pid, tid) {
  try {
    return readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/** Starts an accounting of one process's threads; `stop()` answers each thread's ticks since. */
export function startThreadAccounting(pid) {
  const before = threadTicks(pid);
  return {
    stop() {
      const spent = new Map();
      for (const [tid, { name, ticks }] of threadTicks(pid)) spent.set(tid, { name, ticks: ticks - (before.get(tid)?.ticks ?? ticks) });
      return spent;
    },
  };
}

/** Adds one burst's thread ticks into a total ({ runs, threads: Map }). */
export function addThreads(total, spent, runs) {
  for (const [tid, { name, ticks }] of spent) {
    const sum = total.threads.get(tid) ?? { name, ticks: 0 };
    sum.ticks += ticks;
    total.threads.set(tid, sum);
  }
  total.runs += runs;
  return total;
}

/** A process's thread total in classes, CPU ms per run: main, the workflow isolate, Temporal's Rust core, the rest. */
export function threadClasses(pid, total) {
  const perRun = (ticks) => Math.round(((ticks / CLOCK_TICKS_PER_SECOND) * 1000 * 10) / Math.max(total.runs, 1)) / 10;
  let main = 0;
  let core = 0;
  const others = [];
  for (const [tid, { name, ticks }] of total.threads) {
    if (tid === pid) main += ticks;
    else if (name.startsWith('tokio-runtime')) core += ticks;
    else others.push(ticks);
  }
  others.sort((a, b) => b - a);
  const isolate = others[0] ?? 0;
  const rest = others.slice(1).reduce((sum, ticks) => sum + ticks, 0);
  return { main: perRun(main), isolate: perRun(isolate), core: perRun(core), rest: perRun(rest) };
}
