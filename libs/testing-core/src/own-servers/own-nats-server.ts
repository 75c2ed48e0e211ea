import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from './free-port';
import { OwnedProcess } from './owned-process';

const NATS_SERVER = process.env.NATS_SERVER_BIN || 'nats-server';

export type OwnNatsServerAuth = { readonly user: string; readonly pass: string } | { readonly token: string };

/**
 * A nats-server with JetStream of the test's own: its own port and store, so a test can kill it and bring it back
 * (with its streams, as after a real outage) without touching the NATS other tests use.
 */
export class OwnNatsServer {
  private constructor(
    readonly port: number,
    private readonly storeDir: string,
    private readonly process: OwnedProcess,
  ) {}

  /** `auth`: the credentials the server asks every client for (none by default). */
  static async start(auth?: OwnNatsServerAuth): Promise<OwnNatsServer> {
    const port = await freePort();
    const storeDir = mkdtempSync(join(tmpdir(), 'yard-nats-'));
    const authArgs = !auth ? [] : 'token' in auth ? ['--auth', auth.token] : ['--user', auth.user, '--pass', auth.pass];
    const server = new OwnNatsServer(port, storeDir, new OwnedProcess(NATS_SERVER, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir, ...authArgs]));
    await server.start();
    return server;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  get isRunning(): boolean {
    return this.process.isRunning;
  }

  /** Starts it again after `kill` or `stop`, on the same port, with the same store. */
  async start(): Promise<void> {
    this.process.spawn();
    await waitForPort(this.port, 15_000, `nats-server (${this.process.logs})`);
  }

  kill(): Promise<void> {
    return this.process.kill();
  }

  stop(): Promise<void> {
    return this.process.stop('SIGTERM');
  }

  /** Stops it and deletes its store. */
  async dispose(): Promise<void> {
    await this.process.kill();
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}
