// The benchmark's printout: one table, Yardmaster beside bare Temporal, with the ratios and issue 12's goals.
import { cpuPerRun } from './cpu-per-run.mjs';
import { threadClasses } from './thread-cpu.mjs';
import { formatFigure, formatRatio, latencySummary, percentile, runsPerSecond } from './stats.mjs';

const GOAL_RUNS_PER_SECOND = 0.85;
const GOAL_IDLE_LATENCY = 1.3;

/** The table's rows (label, Yardmaster, bare Temporal, ratio, goal), printable and testable. */
export function reportRows({ options, idle, bursts }) {
  const [ym, bare] = ['Yardmaster', 'bare Temporal'].map((name) => ({ burst: bursts.get(name), idle: idle.get(name) }));
  const rate = (side) => runsPerSecond(side.burst.runs, side.burst.elapsedMs);
  const of = (side, field) => latencySummary(side.burst.samples.map((sample) => sample[field]));
  const idleMedian = (side) => percentile(side.idle.map((sample) => sample.terminalMs), 0.5);
  const triple = (summary) => [summary.p50, summary.p90, summary.p99].map((value) => formatFigure(value)).join(' / ');
  const tripleRatio = (a, b) => ['p50', 'p90', 'p99'].map((key) => formatRatio(a[key], b[key])).join(' / ');
  const rows = [
    [`runs/s (${ym.burst.runs} runs each, concurrency ${options.concurrency})`, formatFigure(rate(ym), 1), formatFigure(rate(bare), 1), formatRatio(rate(ym), rate(bare)), `≥ ${GOAL_RUNS_PER_SECOND.toFixed(2)}x`],
  ];
  for (const [label, field] of [['submit → accepted p50 / p90 / p99 ms', 'acceptedMs'], ['submit → running p50 / p90 / p99 ms', 'runningMs'], ['submit → terminal p50 / p90 / p99 ms', 'terminalMs']]) {
    rows.push([label, triple(of(ym, field)), triple(of(bare, field)), tripleRatio(of(ym, field), of(bare, field)), '']);
  }
  rows.push([`one run on an idle system, submit → terminal ms (median of ${ym.idle.length})`, formatFigure(idleMedian(ym)), formatFigure(idleMedian(bare)), formatRatio(idleMedian(ym), idleMedian(bare)), `≤ ${GOAL_IDLE_LATENCY.toFixed(1)}x`]);
  rows.push(['projection lag p50 / p90 / p99 ms (run ended → readable over REST)', triple(of(ym, 'projectionLagMs')), '—', '', '']);
  return rows;
}

export function printReport({ options, apiUrl, idle, bursts, workerPids, logs, load, rerun }) {
  const rows = reportRows({ options, idle, bursts });
  rows.push([`log lines/s end to end (${options.lines} lines written → readable over REST)`, formatFigure(logs.linesPerSecond), '—', '', '≥ 20,000']);
  const header = ['figure', 'Yardmaster', 'bare Temporal', 'Yardmaster / bare', 'goal'];
  console.log(`\nYardmaster (${apiUrl}) beside bare Temporal, ${new Date().toISOString()}`);
  console.log(`Machine: ${load.cores} cores, load average ${load.before[0].toFixed(1)} before, ${load.after[0].toFixed(1)} after (1 min)\n`);
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log('\nsubmit → accepted: Yardmaster, POST /api/jobs/{id}/runs answered 202; bare Temporal, WorkflowClient.start answered.');
  console.log('submit → running: Yardmaster, the run\'s startedAt (run.started, in the first workflow task); bare Temporal, its first workflow task.');
  console.log('submit → terminal: Yardmaster, GET /api/runs/{id}?waitForEnd=20 answering the end (the read model; asked again every 10 ms while the run is not written yet); bare Temporal, the result in the client.');
  printCpuPerRun(bursts);
  printThreadCpu(bursts, workerPids);
  console.log(`Log run ${logs.runId} ended ${logs.status}; its job wrote at ${formatFigure(logs.writtenPerSecond)} lines/s.`);
  console.log(`Rerun: ${rerun}`);
}

/**
 * CPU milliseconds per run by process during the bursts (from /proc): where each system's runs cost. "bench" is this
 * process: the HTTP client for Yardmaster; the client and the worker for bare Temporal. PostgreSQL, NATS and the
 * Temporal server count all their work in those seconds, others' included on a shared machine.
 */
export function cpuRows(bursts) {
  const [ym, bare] = ['Yardmaster', 'bare Temporal'].map((name) => cpuPerRun(bursts.get(name).cpu));
  const names = [...new Set([...Object.keys(ym), ...Object.keys(bare)])];
  const rows = names.map((name) => [name, formatFigure(ym[name] ?? 0, 1), formatFigure(bare[name] ?? 0, 1)]);
  const sum = (side) => Object.values(side).reduce((total, ms) => total + ms, 0);
  rows.push(['all', formatFigure(sum(ym), 1), formatFigure(sum(bare), 1)]);
  return rows;
}

/**
 * The worker process's CPU per run by thread: Yardmaster's collector beside the benchmark process during bare
 * Temporal's bursts (its worker and its client). Rows: the main thread, the workflow isolate, Temporal's Rust core, the
 * rest (V8's helpers: garbage collection and compilation; libuv's pool).
 */
export function threadRows(bursts, workerPids) {
  const [ym, bare] = ['Yardmaster', 'bare Temporal'].map((name) => {
    const pid = workerPids?.get(name);
    const total = bursts.get(name).threads;
    return pid && total && total.threads.size > 0 ? threadClasses(pid, total) : null;
  });
  if (!ym || !bare) return [];
  const labels = { main: 'main thread', isolate: 'workflow isolate (busiest other thread)', core: 'Temporal core (Rust, tokio-runtime-*)', rest: 'other threads (V8 helpers, libuv)' };
  const rows = Object.entries(labels).map(([key, label]) => [label, formatFigure(ym[key], 1), formatFigure(bare[key], 1)]);
  const sum = (side) => side.main + side.isolate + side.core + side.rest;
  rows.push(['all', formatFigure(sum(ym), 1), formatFigure(sum(bare), 1)]);
  return rows;
}

function printThreadCpu(bursts, workerPids) {
  const rows = threadRows(bursts, workerPids);
  if (rows.length === 0) return;
  console.log('CPU ms per run by thread of the worker\'s process: the collector, and this process during bare Temporal\'s bursts (its worker and its client):\n');
  console.log('| thread | Yardmaster (collector) | bare Temporal (benchmark process) |');
  console.log('|---|---|---|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log('');
}

function printCpuPerRun(bursts) {
  console.log('\nCPU ms per run during the bursts, by process (/proc; the shared servers count all their work in those seconds):\n');
  console.log('| process | Yardmaster | bare Temporal |');
  console.log('|---|---|---|');
  for (const row of cpuRows(bursts)) console.log(`| ${row.join(' | ')} |`);
  console.log('');
}
