// `npm run bench:parse [-- <tests folder>]`: parses every pair of the ntc-templates tests corpus (default
// ../shared/corpus/ntc-templates-9.2.0-tests) with libs/textfsm and, in the same run, with the reference Python
// implementation (ntc-templates' parse_output, tools/bench/parse/reference.py, one process timing each call), and
// prints both totals, the time per pair and the ratio. libs/textfsm is timed twice: its first pass compiles each
// template on first use (a fresh process), the second reuses them (a long-running collector). Needs `npm run build`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { listPairs, readRaw } from '../compat/corpus.mjs';
import { ROOT } from '../stack/install.mjs';
import { ensureNtcTemplates } from '../stack/ntc-templates.mjs';

const require = createRequire(import.meta.url);
const DEFAULT_CORPUS = resolve(ROOT, '..', 'shared', 'corpus', 'ntc-templates-9.2.0-tests');

function main() {
  const folder = process.argv[2] ?? DEFAULT_CORPUS;
  if (!existsSync(folder)) {
    process.stderr.write(`No corpus at ${folder}: npm run bench:parse -- <ntc-templates tests folder>\n`);
    return 2;
  }
  const built = join(ROOT, 'libs', 'textfsm', 'dist', 'index.js');
  if (!existsSync(built)) {
    process.stderr.write('libs/textfsm is not built: run `npm run build` first.\n');
    return 2;
  }
  const ntc = ensureNtcTemplates();
  const pairs = listPairs(folder);
  const inputs = pairs.map((pair) => readRaw(pair.raw));

  const { TemplateLibrary } = require(built);
  const library = TemplateLibrary.open([ntc.templates]);
  // Wall time per call, summed; CPU time of the process over the pass (the machine may be shared: CPU time is
  // what another process's load disturbs least).
  const pass = () => {
    let wall = 0;
    const cpuBefore = process.cpuUsage();
    pairs.forEach((pair, index) => {
      const start = performance.now();
      library.parse(pair.platform, pair.command, inputs[index]);
      wall += performance.now() - start;
    });
    const cpu = process.cpuUsage(cpuBefore);
    return { wall, cpu: (cpu.user + cpu.system) / 1000 };
  };
  const firstPass = pass();
  const secondPass = pass();

  const python = spawnSync(ntc.python, [join(ROOT, 'tools', 'bench', 'parse', 'reference.py')], {
    input: JSON.stringify(pairs.map(({ platform, command, raw }) => ({ platform, command, raw }))),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (python.status !== 0) {
    process.stderr.write(`The reference run failed:\n${python.stderr}\n`);
    return 1;
  }
  const timings = JSON.parse(python.stdout);
  const reference = {
    wall: timings.reduce((sum, [wall]) => sum + wall * 1000, 0),
    cpu: timings.reduce((sum, [, cpu]) => sum + cpu * 1000, 0),
  };

  const perPair = (ms) => `${(ms / pairs.length).toFixed(3)} ms/pair`;
  const line = (label, { wall, cpu }) =>
    `  ${label.padEnd(56)} ${wall.toFixed(0).padStart(6)} ms ${perPair(wall).padStart(15)}   cpu ${cpu.toFixed(0).padStart(6)} ms ${perPair(cpu).padStart(15)}\n`;
  const ratio = (of) => `${(reference.wall / of.wall).toFixed(1)}x (cpu ${(reference.cpu / of.cpu).toFixed(1)}x)`;
  process.stdout.write(`Parsing ${pairs.length} pairs of ${folder} (Node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)}):\n`);
  process.stdout.write(line('reference: ntc-templates 9.2.0 parse_output (Python)', reference));
  process.stdout.write(line('libs/textfsm, first pass (compiles each template once)', firstPass));
  process.stdout.write(line('libs/textfsm, second pass (templates compiled)', secondPass));
  process.stdout.write(`  ratio: ${ratio(firstPass)} faster on the first pass, ${ratio(secondPass)} on the second\n`);
  process.stdout.write(`Rerun: npm run bench:parse${process.argv[2] ? ` -- ${process.argv[2]}` : ''}\n`);
  return 0;
}

process.exit(main());
