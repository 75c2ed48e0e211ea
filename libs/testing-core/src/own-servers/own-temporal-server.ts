import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { freePort, waitForPort } from './free-port';
import { OwnedProcess } from './owned-process';

const REPOSITORY_ROOT = join(__dirname, '..', '..', '..', '..');

/** What the launcher's dev server is started with, so runs behave the same (see tools/stack/temporal.mjs). */
const DEV_SERVER_FLAGS = [
  '--dynamic-config-value', 'matching.numTaskqueueReadPartitions=1',
  '--dynamic-config-value', 'matching.numTaskqueueWritePartitions=1',
  ...['YardJobId', 'YardRunStatus', 'YardRequestedBy', 'YardQueue'].flatMap((name) => ['--search-attribute', `${name}=Keyword`]),
];

/**
 * A Temporal dev server of the test's own (its own port and SQLite file, no Web UI), so a test can kill it and bring
 * it back with its history, as after a real outage, without touching the server other tests use. Uses the `temporal`
 * CLI the launcher installed (`.yard/temporal/venv-*`), or `TEMPORAL_CLI`.
 */
export class OwnTemporalServer {
  private constructor(
    readonly port: number,
    private readonly dataDir: string,
    private readonly process: OwnedProcess,
  ) {}

  static async start(): Promise<OwnTemporalServer> {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'yard-temporal-'));
    const args = [
      'server', 'start-dev',
      '--ip', '127.0.0.1', '--port', String(port),
      '--headless',
      '--http-port', String(await freePort()),
      '--metrics-port', String(await freePort()),
      '--db-filename', join(dataDir, 'history.db'),
      '--log-level', 'error',
      ...DEV_SERVER_FLAGS,
    ];
    const server = new OwnTemporalServer(port, dataDir, new OwnedProcess(temporalCli(), args));
    await server.start();
    return server;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  get isRunning(): boolean {
    return this.process.isRunning;
  }

  /** Starts it again after `kill` or `stop`, on the same port, with the same history. */
  async start(): Promise<void> {
    this.process.spawn();
    await waitForPort(this.port, 60_000, `the Temporal dev server (${this.process.logs})`);
    await this.waitUntilAnswering(60_000);
  }

  kill(): Promise<void> {
    return this.process.kill();
  }

  async dispose(): Promise<void> {
    await this.process.kill();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async waitUntilAnswering(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const connection = await Connection.connect({ address: this.address, connectTimeout: 2_000 });
        try {
          await connection.workflowService.getSystemInfo({});
          return;
        } finally {
          await connection.close();
        }
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`The Temporal dev server on ${this.address} did not answer: ${String(error)}\n${this.process.logs}`);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    }
  }
}

function temporalCli(): string {
  if (process.env.TEMPORAL_CLI) return process.env.TEMPORAL_CLI;
  const dir = join(REPOSITORY_ROOT, '.yard', 'temporal');
  const venvs = existsSync(dir) ? readdirSync(dir).filter((name) => name.startsWith('venv-')).sort().reverse() : [];
  for (const venv of venvs) {
    const binary = join(dir, venv, 'bin', 'temporal');
    if (existsSync(binary)) return binary;
  }
  throw new Error('No temporal CLI: run `npm run stack:up` (it installs one into .yard/temporal) or set TEMPORAL_CLI');
}
