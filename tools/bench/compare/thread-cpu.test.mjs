import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addThreads, startThreadAccounting, threadClasses, threadTicks } from './thread-cpu.mjs';

test('this process has a main thread whose CPU the accounting sees', () => {
  const accounting = startThreadAccounting(process.pid);
  const until = Date.now() + 100;
  while (Date.now() < until) {
    // spin on the main thread: about 100 ms of CPU
  }
  const spent = accounting.stop();
  assert.ok(threadTicks(process.pid).has(process.pid));
  assert.ok((spent.get(process.pid)?.ticks ?? 0) >= 5, `about 10 ticks on the main thread, got ${spent.get(process.pid)?.ticks}`);
});

test('threads fall into main, the busiest other (the workflow isolate), the Rust core, and the rest', () => {
  const total = { runs: 0, threads: new Map() };
  addThreads(total, new Map([[100, { name: 'node', ticks: 50 }], [101, { name: 'node', ticks: 70 }], [102, { name: 'node', ticks: 10 }], [103, { name: 'tokio-runtime-w', ticks: 20 }]]), 5);
  addThreads(total, new Map([[101, { name: 'node', ticks: 30 }], [104, { name: 'node', ticks: 20 }]]), 5);
  // Per run over 10 runs, in ms (a tick is 10 ms): main 50, isolate 100, core 20, rest 10 + 20.
  assert.deepEqual(threadClasses(100, total), { main: 50, isolate: 100, core: 20, rest: 30 });
});

test('a process that is gone has no threads', () => {
  assert.equal(threadTicks(2 ** 22 + 12345).size, 0);
});
