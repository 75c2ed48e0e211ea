import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from '@yardmaster/testing';
import { Client } from 'pg';

// Each benchmark below takes 2 to 15 s at these sizes on an idle machine; several times that under load.
jest.setTimeout(5 * 60_000);

const REPOSITORY = join(__dirname, '..');

interface BenchResult {
  readonly code: number | null;
  readonly output: string;
}

/** `node tools/bench/<script> …` from the repository, as `npm run bench:…` runs it; stdout and stderr together. */
function bench(script: string, args: readonly string[]): Promise<BenchResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPOSITORY, 'tools', 'bench', script), ...args], { cwd: REPOSITORY, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    // A benchmark that waits for ever (a run its worker cannot finish) fails here instead of holding the suite.
    const deadline = setTimeout(() => child.kill('SIGKILL'), 4 * 60_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(deadline);
      resolve({ code, output });
    });
  });
}

/** Its figures printed, and the command to rerun it: the last thing each benchmark prints. */
function expectFinished(result: BenchResult, figures: RegExp): void {
  if (result.code !== 0) throw new Error(`exited ${result.code}:\n${result.output}`);
  expect(result.output).toMatch(figures);
  expect(result.output).toMatch(/^rerun: (npm run bench|node tools)/im);
}

/**
 * The benchmarks that wire the platform's parts by hand (a Temporal worker with the collector's activities, the
 * collector's log path alone, the projection alone, a rebuild, the read routes over a seeded database), run as
 * committed at a tiny size: their figures are not looked at, only that each still starts, finishes and prints them.
 * They import the services' built code, which no type check covers: when a constructor they call changes, this
 * fails instead of the next person who follows the README. (`npm run bench`, `bench:latency` and `bench:logs` talk
 * to a running stack over REST only; the README walk covers them.)
 */
describe('the benchmarks, as committed, at a tiny size', () => {
  it('bench:ssh runs a plan over fake SSH devices to its end', async () => {
    const result = await bench('ssh.mjs', ['--devices', '4', '--at-once', '2', '--types', 'facts,interfaces,lldp,inventory']);
    expectFinished(result, /plan run: completed, 4 collected, 0 failed/);
  });

  it('bench:ssh-sessions opens sessions and runs commands', async () => {
    expectFinished(await bench('ssh-sessions.mjs', ['--devices', '4', '--at-once', '2', '--commands', '1']), /per device: p50 [\d.]+ s/);
  });

  it('bench:collect runs a plan over simulated SNMP agents, then the bare client', async () => {
    const result = await bench('collect.mjs', ['--devices', '4', '--at-once', '2', '--ceiling-devices', '4']);
    expectFinished(result, /plan run: completed, 4 collected, 0 failed/);
    expect(result.output).toMatch(/ceiling: 4 devices .* 0 walks failed/);
  });

  it("bench:log-publish carries a job's lines through the collector's log path", async () => {
    expectFinished(await bench('log-publish.mjs', ['--lines', '2000', '--rounds', '1']), /round 1: written in [\d.]+ s, all acknowledged/);
  });

  it('bench:projection stores every line published', async () => {
    expectFinished(await bench('projection-apply.mjs', ['--lines', '2000']), /run 1: 2000 lines stored \(expected 2000\)/);
  });

  it('bench:rebuild rebuilds every read model and finds them identical', async () => {
    expectFinished(await bench('rebuild.mjs', ['--runs', '20', '--lines', '200', '--probe-runs', '5']), /rebuild of every read model .* every table identical/);
  });

  it('bench:collector-start times a built collector to polling', async () => {
    const result = await bench('collector-start.mjs', [REPOSITORY, '1']);
    // It prints one line and no rerun line: its arguments are the whole command.
    if (result.code !== 0) throw new Error(`exited ${result.code}:\n${result.output}`);
    expect(result.output).toMatch(/collector start to polling, 1 starts: median \d+ ms/);
  });

  describe('bench:seed, bench:queries and bench:prune over a database of their own', () => {
    const database = `yard_bench_smoke_${randomUUID().slice(0, 8)}`;

    afterAll(async () => {
      const admin = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    });

    it('seeds runs and a long run, reads them over REST, then prunes those past retention', async () => {
      const seeded = await bench('seed-runs.mjs', ['--runs', '100', '--logs', '1000', '--database', database]);
      if (seeded.code !== 0) throw new Error(`bench:seed exited ${seeded.code}:\n${seeded.output}`);
      expect(seeded.output).toMatch(/seeded .*: 100 runs, [\d,]+ log lines/);
      expectFinished(await bench('run-queries.mjs', ['--database', database, '--requests', '10', '--warmup', '2', '--port', String(await freePort())]), /worst p99: [\d.]+ ms/);
      expectFinished(await bench('prune.mjs', ['--database', database, '--days', '90']), /pruned \d+ runs/);
    });
  });
});
