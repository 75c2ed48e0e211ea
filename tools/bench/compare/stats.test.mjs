import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatFigure, formatRatio, latencySummary, percentile, roundSizes, runsPerSecond } from './stats.mjs';

test('percentile: nearest rank, always one of the samples, order of input irrelevant', () => {
  const samples = [50, 10, 40, 20, 30];
  assert.equal(percentile(samples, 0.5), 30);
  assert.equal(percentile(samples, 0.9), 50);
  assert.equal(percentile(samples, 0), 10);
  assert.equal(percentile(samples, 1), 50);
  assert.deepEqual(samples, [50, 10, 40, 20, 30]);
});

test('percentile of 100 samples 1..100: p50 is 50, p90 is 90, p99 is 99', () => {
  const samples = Array.from({ length: 100 }, (_, index) => 100 - index);
  assert.deepEqual([0.5, 0.9, 0.99].map((q) => percentile(samples, q)), [50, 90, 99]);
});

test('percentile of nothing is null, and the summary says so', () => {
  assert.equal(percentile([], 0.5), null);
  assert.deepEqual(latencySummary([]), { n: 0, p50: null, p90: null, p99: null });
});

test('latencySummary rounds to whole milliseconds', () => {
  assert.deepEqual(latencySummary([1.4, 2.6]), { n: 2, p50: 1, p90: 3, p99: 3 });
});

test('formatRatio: two decimals and an x; n/a for a missing side or a zero denominator', () => {
  assert.equal(formatRatio(11.3, 19.9), '0.57x');
  assert.equal(formatRatio(92, 57), '1.61x');
  assert.equal(formatRatio(1, 0), 'n/a');
  assert.equal(formatRatio(null, 2), 'n/a');
  assert.equal(formatRatio(2, undefined), 'n/a');
});

test('formatFigure: thousands separators, fixed digits, a dash for a missing figure', () => {
  assert.equal(formatFigure(1185.4), '1,185');
  assert.equal(formatFigure(11.349, 1), '11.3');
  assert.equal(formatFigure(null), '—');
  assert.equal(formatFigure(Number.NaN), '—');
});

test('runsPerSecond counts runs over wall seconds', () => {
  assert.equal(runsPerSecond(300, 15_000), 20);
  assert.equal(runsPerSecond(10, 0), 0);
});

test('roundSizes splits the runs evenly, never into more rounds than runs', () => {
  assert.deepEqual(roundSizes(300, 3), [100, 100, 100]);
  assert.deepEqual(roundSizes(10, 3), [4, 3, 3]);
  assert.deepEqual(roundSizes(2, 5), [1, 1]);
});
