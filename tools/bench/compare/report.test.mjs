import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cpuRows, reportRows, threadRows } from './report.mjs';

const sample = (runningMs, terminalMs, projectionLagMs) => ({ acceptedMs: runningMs / 2, runningMs, terminalMs, projectionLagMs });

test('the rows put Yardmaster beside bare Temporal with the ratio and the goal', () => {
  const bursts = new Map([
    ['Yardmaster', { runs: 2, elapsedMs: 1000, samples: [sample(20, 100, 5), sample(40, 200, 15)] }],
    ['bare Temporal', { runs: 2, elapsedMs: 500, samples: [sample(10, 50), sample(20, 100)] }],
  ]);
  const idle = new Map([
    ['Yardmaster', [sample(10, 90), sample(10, 60), sample(10, 70)]],
    ['bare Temporal', [sample(5, 50), sample(5, 40), sample(5, 60)]],
  ]);
  const rows = reportRows({ options: { concurrency: 16 }, idle, bursts });
  assert.deepEqual(rows[0], ['runs/s (2 runs each, concurrency 16)', '2.0', '4.0', '0.50x', '≥ 0.85x']);
  assert.deepEqual(rows[1].slice(1, 4), ['10 / 20 / 20', '5 / 10 / 10', '2.00x / 2.00x / 2.00x']);
  assert.deepEqual(rows[2].slice(1, 4), ['20 / 40 / 40', '10 / 20 / 20', '2.00x / 2.00x / 2.00x']);
  assert.deepEqual(rows[3].slice(1, 4), ['100 / 200 / 200', '50 / 100 / 100', '2.00x / 2.00x / 2.00x']);
  assert.deepEqual(rows[4].slice(1), ['70', '50', '1.40x', '≤ 1.3x']);
  assert.deepEqual(rows[5].slice(1, 3), ['5 / 15 / 15', '—']);
});

test('the CPU rows put each process\'s milliseconds per run side by side, with the sum', () => {
  const bursts = new Map([
    ['Yardmaster', { cpu: { runs: 10, ms: { api: 200, temporal: 500, bench: 50 } } }],
    ['bare Temporal', { cpu: { runs: 20, ms: { temporal: 600, bench: 400 } } }],
  ]);
  assert.deepEqual(cpuRows(bursts), [
    ['api', '20.0', '0.0'],
    ['temporal', '50.0', '30.0'],
    ['bench', '5.0', '20.0'],
    ['all', '75.0', '50.0'],
  ]);
});

test('the thread table puts the collector beside the benchmark process, and is left out without thread figures', () => {
  const threads = (entries) => ({ runs: 10, threads: new Map(entries) });
  const bursts = new Map([
    ['Yardmaster', { threads: threads([[7, { name: 'node', ticks: 6 }], [8, { name: 'node', ticks: 8 }], [9, { name: 'tokio-runtime-w', ticks: 3 }], [10, { name: 'node', ticks: 2 }]]) }],
    ['bare Temporal', { threads: threads([[1, { name: 'node', ticks: 4 }], [2, { name: 'node', ticks: 2 }]]) }],
  ]);
  const rows = threadRows(bursts, new Map([['Yardmaster', 7], ['bare Temporal', 1]]));
  assert.deepEqual(rows.map((row) => row.slice(1)), [['6.0', '4.0'], ['8.0', '2.0'], ['3.0', '0.0'], ['2.0', '0.0'], ['19.0', '6.0']]);
  assert.deepEqual(threadRows(bursts, undefined), []);
});
