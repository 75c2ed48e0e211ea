import { spawn, type ChildProcess } from 'node:child_process';

/**
 * A server process a test started and may stop, kill and start again (same command, same data folder). Its output
 * is kept, so a failing test can show why the server did not come up.
 */
export class OwnedProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private output = '';

  constructor(
    private readonly command: string,
    private readonly args: readonly string[],
    private readonly options: { env?: NodeJS.ProcessEnv; uid?: number; gid?: number } = {},
  ) {}

  get isRunning(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  get logs(): string {
    return this.output;
  }

  spawn(): void {
    if (this.isRunning) throw new Error(`${this.command} is already running`);
    const { env = process.env, uid, gid } = this.options;
    const child = spawn(this.command, this.args, { env, uid, gid, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-20_000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    this.child = child;
  }

  /** SIGKILL: a crash, as far as the server and its clients can tell. */
  async kill(): Promise<void> {
    if (this.isRunning) this.child?.kill('SIGKILL');
    await this.exited;
  }

  /** `signal` (SIGTERM unless given), then SIGKILL if it has not exited after `graceMs`. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<void> {
    if (!this.isRunning) return;
    this.child?.kill(signal);
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}
