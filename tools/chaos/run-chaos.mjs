// `npm run chaos` and `npm run chaos:deps`: the large forms of the chaos suites (test/chaos.e2e-spec.ts,
// test/chaos-deps.e2e-spec.ts; CI runs their reduced forms). Builds, makes sure the shared Postgres, NATS and Temporal
// answer (the dependency suite starts servers of its own besides), runs the suite with YARD_CHAOS_PROFILE=full, then
// prints its table of figures and the command to rerun it. Everything listens on 127.0.0.1 only.
//   node tools/chaos/run-chaos.mjs services|dependencies
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { explain, say } from '../stack/console.mjs';
import { build, ensureInstalled, ROOT } from '../stack/install.mjs';

const SUITES = {
  services: { spec: 'test/chaos.e2e-spec.ts', rerun: 'npm run chaos' },
  dependencies: { spec: 'test/chaos-deps.e2e-spec.ts', rerun: 'npm run chaos:deps' },
};

async function main() {
  const suite = SUITES[process.argv[2]];
  if (!suite) throw new Error(`usage: node tools/chaos/run-chaos.mjs ${Object.keys(SUITES).join('|')}`);
  ensureInstalled();
  build();
  const { ensureStack } = await import('../stack/ensure-stack.mjs');
  const stack = await ensureStack();
  const { ensureTemporalCli } = await import('../stack/temporal.mjs');
  const temporalCli = ensureTemporalCli();
  const reportFile = join(ROOT, '.yard', 'chaos', `${process.argv[2]}-${new Date().toISOString().replace(/[:.]/g, '-')}.md`);
  mkdirSync(join(ROOT, '.yard', 'chaos'), { recursive: true });
  try {
    say(`Running ${suite.spec} in its full form (several minutes)…`);
    const jest = spawnSync(join(ROOT, 'node_modules', '.bin', 'jest'), ['--ci', '--runInBand', suite.spec, '--selectProjects', 'e2e'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, TEMPORAL_CLI: temporalCli, YARD_CHAOS_PROFILE: 'full', YARD_CHAOS_REPORT: reportFile, NX_DAEMON: 'false', NX_TUI: 'false' },
    });
    if (existsSync(reportFile)) process.stdout.write(`\n${readFileSync(reportFile, 'utf8')}\nSaved in ${reportFile}\n`);
    process.stdout.write(`Rerun: ${suite.rerun}\n`);
    return jest.status ?? 1;
  } finally {
    await stack.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`[yard] ${explain(error)}\n`);
    process.exit(1);
  },
);
