import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from './free-port';
import { OwnedProcess } from './owned-process';

/**
 * A PostgreSQL server of the test's own (initdb into a temporary folder, trust authentication, its own port), so a
 * test can stop it (`immediate`, as a crash) and start it again with its data, without touching the shared one.
 * PostgreSQL refuses to run as root: as root, the folder is given to the `postgres` user and the server runs as it.
 */
export class OwnPostgresServer {
  private constructor(
    readonly port: number,
    private readonly dataDir: string,
    private readonly process: OwnedProcess,
  ) {}

  static async start(): Promise<OwnPostgresServer> {
    const bin = postgresBinDir();
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'yard-pg-'));
    const user = postgresUserWhenRoot(dataDir);
    const init = spawnSync(join(bin, 'initdb'), ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync'], { encoding: 'utf8', ...user });
    if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
    const args = [
      '-D', dataDir,
      '-p', String(port),
      '-k', dataDir,
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'fsync=off',
      '-c', 'max_connections=200',
    ];
    const server = new OwnPostgresServer(port, dataDir, new OwnedProcess(join(bin, 'postgres'), args, user));
    await server.start();
    return server;
  }

  /** A connection URL for `database` on this server. */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  get isRunning(): boolean {
    return this.process.isRunning;
  }

  /** Starts it again after `stop`, on the same port, with the same data. */
  async start(): Promise<void> {
    this.process.spawn();
    await waitForPort(this.port, 30_000, `postgres (${this.process.logs})`);
  }

  /** `immediate` (SIGQUIT) is a crash: clients are cut off and recovery runs at the next start; `fast` (SIGINT) is a clean stop. */
  stop(mode: 'immediate' | 'fast' = 'immediate'): Promise<void> {
    return this.process.stop(mode === 'immediate' ? 'SIGQUIT' : 'SIGINT');
  }

  async dispose(): Promise<void> {
    await this.process.stop('SIGQUIT');
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** The newest installed PostgreSQL's binaries (Debian keeps them in /usr/lib/postgresql/<major>/bin), or PG_BIN_DIR. */
function postgresBinDir(): string {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a)) : [];
  if (majors.length === 0) throw new Error('No PostgreSQL binaries found in /usr/lib/postgresql: set PG_BIN_DIR to the folder holding initdb and postgres');
  return join(root, majors[0], 'bin');
}

/** As root, the `postgres` user to run the server as (and the data folder handed to it); as anyone else, nobody else. */
function postgresUserWhenRoot(dataDir: string): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0) throw new Error('Running as root, and there is no postgres user to run PostgreSQL as');
  const user = { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  chownSync(dataDir, user.uid, user.gid);
  return user;
}
