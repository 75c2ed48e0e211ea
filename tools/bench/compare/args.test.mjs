import assert from 'node:assert/strict';
import { test } from 'node:test';
import { argsFor, FULL, parseBenchArgs, QUICK, UsageError } from './args.mjs';

test('no arguments: the full comparison of issue 12 (300 runs at concurrency 16)', () => {
  assert.deepEqual(parseBenchArgs([]), { ...FULL, quick: false });
  assert.equal(FULL.runs, 300);
  assert.equal(FULL.concurrency, 16);
});

test('--quick: the short form, whose figures any flag can still override', () => {
  assert.deepEqual(parseBenchArgs(['--quick']), { ...QUICK, quick: true });
  assert.equal(parseBenchArgs(['--runs', '32', '--quick']).runs, 32);
});

test('every option is read by its flag', () => {
  const options = parseBenchArgs(['--concurrency', '8', '--runs', '100', '--rounds', '4', '--idle-runs', '3', '--warmup-runs', '0', '--lines', '1000', '--timeout', '60']);
  assert.deepEqual(options, { concurrency: 8, runs: 100, rounds: 4, idleRuns: 3, warmupRuns: 0, lines: 1000, timeout: 60, quick: false });
});

test('an unknown flag, a missing value, a fraction or a value below the minimum is refused with a message naming it', () => {
  assert.throws(() => parseBenchArgs(['--burst', '10']), (error) => error instanceof UsageError && /unknown argument "--burst"/.test(error.message));
  assert.throws(() => parseBenchArgs(['--runs']), /--runs needs a whole number of at least 1, got undefined/);
  assert.throws(() => parseBenchArgs(['--concurrency', '1.5']), /--concurrency needs a whole number/);
  assert.throws(() => parseBenchArgs(['--concurrency', '0']), /at least 1/);
  assert.throws(() => parseBenchArgs(['--timeout', 'soon']), /--timeout needs a whole number/);
});

test('argsFor repeats a run: only what differs from its form, parsed back to the same options', () => {
  assert.equal(argsFor(parseBenchArgs([])), '');
  assert.equal(argsFor(parseBenchArgs(['--quick'])), '--quick');
  const options = parseBenchArgs(['--quick', '--concurrency', '4']);
  assert.equal(argsFor(options), '--quick --concurrency 4');
  assert.deepEqual(parseBenchArgs(argsFor(options).split(' ')), options);
});
