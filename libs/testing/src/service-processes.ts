import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { SERVICE_ENVIRONMENT, SERVICE_NODE_FLAGS } from '@yardmaster/config';

export type ServiceName = 'api' | 'scheduler' | 'collector' | 'projection';

const REPOSITORY_ROOT = join(__dirname, '..', '..', '..');

/** One fresh key per test file: every service a test starts seals and opens with the same one, unless it sets its own. */
const TEST_SECRETS_KEY = randomBytes(32).toString('base64');

/**
 * Metrics off unless a test asks for them: the default ports are one per service kind, and test files start
 * several stacks (and collectors) on this host at once.
 */
const METRICS_OFF = { YARD_API_METRICS_PORT: '0', YARD_SCHEDULER_METRICS_PORT: '0', YARD_COLLECTOR_METRICS_PORT: '0', YARD_PROJECTION_METRICS_PORT: '0' };

/** A service started from its build (`apps/<name>/dist/main.js`), as `npm start` runs it. */
export class ServiceProcess {
  private output = '';
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly name: ServiceName,
    private readonly child: ChildProcess,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  static start(name: ServiceName, env: Record<string, string>): ServiceProcess {
    // With the memory settings `npm start` and the image use, so that tests run the services as they are shipped.
    const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, join(REPOSITORY_ROOT, 'apps', name, 'dist', 'main.js')], {
      // No pruning schedule unless a test asks for one (tests count the schedules they make); metrics off unless asked.
      env: { ...SERVICE_ENVIRONMENT, YARD_SECRETS_KEY: TEST_SECRETS_KEY, YARD_PRUNE_SCHEDULE: 'off', ...METRICS_OFF, ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ServiceProcess(name, child);
  }

  get logs(): string {
    return this.output;
  }

  /** Its output as the JSON lines it writes (pino's, one object a line); a line that is not JSON is left out. */
  get logLines(): Array<Record<string, unknown>> {
    return this.output.split('\n').flatMap((line) => {
      if (!line.startsWith('{')) return [];
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  }

  /** The process id: job code run by a collector reports it, so a test can tell which collector ran it. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  get isRunning(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** SIGKILL: the process gets no chance to drain, ack or clean up. */
  async kill(): Promise<void> {
    if (this.isRunning) this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  async stop(graceMs = 10_000): Promise<number | null> {
    if (!this.isRunning) return this.exited;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }
}
