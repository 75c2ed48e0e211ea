import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addCpu, cpuPerRun, processGroups, startCpuAccounting } from './cpu-per-run.mjs';

test('the accounting counts the CPU this process spends between start and stop, per run', () => {
  const accounting = startCpuAccounting({ bench: () => [process.pid] });
  const until = Date.now() + 120;
  while (Date.now() < until) {
    // spin: about 120 ms of CPU
  }
  const perRun = accounting.stop(4);
  assert.ok(perRun.bench >= 10 && perRun.bench <= 60, `about 30 ms per run, got ${perRun.bench}`);
});

test('a group whose processes are gone counts nothing', () => {
  const accounting = startCpuAccounting({ gone: () => [2 ** 22 + 12345] });
  assert.deepEqual(accounting.stop(1), { gone: 0 });
});

test('bursts add up weighted by their runs', () => {
  const total = { runs: 0, ms: {} };
  addCpu(total, { api: 10 }, 10);
  addCpu(total, { api: 40 }, 30);
  assert.deepEqual(cpuPerRun(total), { api: 32.5 });
});

test('services that did not answer are left out; the shared servers and this process are always there', () => {
  assert.deepEqual(Object.keys(processGroups({ api: 12, scheduler: null })), ['api', 'postgres', 'nats', 'temporal', 'bench']);
});
