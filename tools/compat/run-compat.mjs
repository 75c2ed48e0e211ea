// `npm run compat -- <dir>`: parses every pair of an ntc-templates tests folder (e.g. ../shared/corpus/
// ntc-templates-9.2.0-tests) with libs/textfsm and the installed ntc-templates, and compares the records with the
// pair's `parsed_sample` as upstream does. Prints how many reproduce, each failure with a short diff; exits 1 unless
// every pair reproduces (ALLOWED_FAILURES below holds the documented exceptions, none today). Needs `npm run build`.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { ROOT } from '../stack/install.mjs';
import { ensureNtcTemplates } from '../stack/ntc-templates.mjs';
import { compareRecords } from './compare-records.mjs';
import { listPairs, readRaw } from './corpus.mjs';

/** Pair id → why it cannot be reproduced (README, "Parsing device output"). Empty: every pair reproduces. */
const ALLOWED_FAILURES = new Map();

const require = createRequire(import.meta.url);

async function main() {
  const folder = process.argv[2];
  if (!folder) {
    process.stderr.write('usage: npm run compat -- <ntc-templates tests folder>, e.g. ../shared/corpus/ntc-templates-9.2.0-tests\n');
    return 2;
  }
  if (!existsSync(folder)) {
    process.stderr.write(`compat: no folder ${resolve(folder)} (from ${process.cwd()}): give the ntc-templates tests folder, e.g. ../shared/corpus/ntc-templates-9.2.0-tests beside the clone\n`);
    return 2;
  }
  const built = join(ROOT, 'libs', 'textfsm', 'dist', 'index.js');
  if (!existsSync(built)) {
    process.stderr.write('libs/textfsm is not built: run `npm run build` first.\n');
    return 2;
  }
  const { TemplateLibrary } = require(built);
  const yaml = require('js-yaml');
  const library = TemplateLibrary.open([ensureNtcTemplates().templates]);
  const pairs = listPairs(folder);
  const failures = [];
  for (const pair of pairs) {
    const expected = yaml.load(readFileSync(pair.yml, 'utf8'))?.parsed_sample ?? [];
    let differences;
    try {
      differences = compareRecords(library.parse(pair.platform, pair.command, readRaw(pair.raw)), expected);
    } catch (error) {
      differences = [`${error.code ?? error.name}: ${error.message}`];
    }
    if (differences.length > 0) failures.push({ pair, differences });
  }
  const unexpected = failures.filter(({ pair }) => !ALLOWED_FAILURES.has(pair.id));
  for (const { pair, differences } of failures) {
    const allowed = ALLOWED_FAILURES.get(pair.id);
    process.stdout.write(`FAIL ${pair.id} (${pair.platform}, "${pair.command}")${allowed ? ` [allowed: ${allowed}]` : ''}\n`);
    for (const line of differences) process.stdout.write(`  ${line}\n`);
  }
  process.stdout.write(`${pairs.length - failures.length} of ${pairs.length} pairs reproduce exactly`);
  process.stdout.write(failures.length > 0 ? ` (${failures.length} fail, ${failures.length - unexpected.length} of them allowed)\n` : '\n');
  process.stdout.write(`Rerun: npm run compat -- ${folder}\n`);
  return unexpected.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`compat: ${error.stack ?? error}\n`);
    process.exit(1);
  },
);
