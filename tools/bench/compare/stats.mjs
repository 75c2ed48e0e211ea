// The benchmark's arithmetic, apart from any I/O so that its tests need no stack.

/** The q-quantile (0..1) of samples by the nearest-rank method: always one of the samples; null when there are none. */
export function percentile(samples, q) {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** p50, p90 and p99 of samples in milliseconds, rounded. */
export function latencySummary(samples) {
  const at = (q) => {
    const value = percentile(samples, q);
    return value === null ? null : Math.round(value);
  };
  return { n: samples.length, p50: at(0.5), p90: at(0.9), p99: at(0.99) };
}

/** `a / b` as `0.57x`, or `n/a` when either side is missing or b is zero. */
export function formatRatio(a, b) {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return 'n/a';
  return `${(a / b).toFixed(2)}x`;
}

/** Runs per second of runs completed in elapsedMs. */
export function runsPerSecond(runs, elapsedMs) {
  return elapsedMs > 0 ? runs / (elapsedMs / 1000) : 0;
}

/** A number for a table cell: `1,185` for milliseconds, `11.3` for rates, `—` for a missing figure. */
export function formatFigure(value, digits = 0) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Splits total runs into rounds as evenly as possible (the first rounds take the remainder). */
export function roundSizes(total, rounds) {
  const count = Math.max(1, Math.min(rounds, total));
  return Array.from({ length: count }, (_, index) => Math.floor(total / count) + (index < total % count ? 1 : 0));
}
