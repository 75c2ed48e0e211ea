// `npm run bench:prune -- --database yard_bench [--days 90] [--batch 5000]`: prunes a seeded database as
// system.PruneData does (the projection's pruneReadModels, batch after batch, without NATS in between) and prints
// how long it took and its slowest batch. Run `npm run build` first; the database is changed for good.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_DATABASE_OPTIONS, benchDatabaseUrl } from './bench-database.mjs';
import { ROOT } from '../stack/install.mjs';

const { values } = parseArgs({
  options: {
    ...BENCH_DATABASE_OPTIONS,
    days: { type: 'string', default: '90' },
    batch: { type: 'string', default: '5000' },
  },
});
const require = createRequire(join(ROOT, 'apps', 'projection', 'package.json'));
const { createReadModelDataSource } = require('@yardmaster/read-models');
const { pruneReadModels } = require(join(ROOT, 'apps', 'projection', 'dist', 'retention', 'prune-read-models.js'));
const { retentionCutoffs } = require(join(ROOT, 'apps', 'projection', 'dist', 'retention', 'retention-policy.js'));

const databaseUrl = benchDatabaseUrl(values);
const dataSource = await createReadModelDataSource(databaseUrl, 'yardmaster-bench-prune').initialize();
try {
  const days = Number(values.days);
  const cutoffs = retentionCutoffs({ runDays: days, auditDays: days }, new Date());
  const started = Date.now();
  const totals = { runs: 0, logEntries: 0, auditEntries: 0, appliedEvents: 0 };
  let batches = 0;
  let slowest = 0;
  for (;;) {
    const batchStarted = Date.now();
    const { done, ...counts } = await pruneReadModels(dataSource, cutoffs, Number(values.batch));
    slowest = Math.max(slowest, Date.now() - batchStarted);
    batches++;
    for (const key of Object.keys(totals)) totals[key] += counts[key];
    if (batches % 10 === 0) process.stdout.write(`\r${batches} batches: ${totals.runs.toLocaleString('en')} runs, ${totals.logEntries.toLocaleString('en')} log lines   `);
    if (done) break;
  }
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(
    `\npruned ${totals.runs.toLocaleString('en')} runs, ${totals.logEntries.toLocaleString('en')} log lines, ${totals.auditEntries} audit entries, ${totals.appliedEvents} applied-event records ` +
      `in ${batches} batches of ${values.batch}, ${seconds.toFixed(0)} s (${Math.round(totals.logEntries / seconds).toLocaleString('en')} lines/s); slowest batch ${slowest} ms\n`,
  );
  process.stdout.write(`rerun: npm run bench:seed -- --database ${values.database} && npm run bench:prune -- --database ${values.database} --days ${values.days} --batch ${values.batch}\n`);
} finally {
  await dataSource.destroy();
}
