/**
 * A dependency that is down when a service starts: the service says so in one line naming the dependency, its
 * address and what to do, with no stack, and exits 69 (EX_UNAVAILABLE), so that a supervisor tells "waiting for a
 * dependency" from a bug. Each service is started against a port where nothing listens.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { connectNats } from '@yardmaster/messaging';
import { deleteStreams, freePort, testDependencies, uniqueInstanceName } from '@yardmaster/testing';

jest.setTimeout(60_000);

const ROOT = join(__dirname, '..');
// A service that reaches NATS creates its instance's streams before it finds the other dependency down.
const instances: string[] = [];

async function startService(name: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const instance = uniqueInstanceName('d');
  instances.push(instance);
  const child = spawn(process.execPath, [join(ROOT, 'apps', name, 'dist', 'main.js')], {
    env: {
      ...process.env,
      YARD_INSTANCE: instance,
      YARD_SECRETS_KEY: randomBytes(32).toString('base64'),
      YARD_NATS_URL: testDependencies.natsUrl,
      YARD_API_PORT: String(await freePort()),
      // A port of its own (0): a stack already running on this machine holds the default metrics ports.
      YARD_API_METRICS_PORT: '0',
      YARD_SCHEDULER_METRICS_PORT: '0',
      YARD_COLLECTOR_METRICS_PORT: '0',
      YARD_PROJECTION_METRICS_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, stderr });
    }),
  );
}

describe('a dependency down at start', () => {
  let closedPort: number;

  beforeAll(async () => {
    closedPort = await freePort();
  });

  afterAll(async () => {
    const nc = await connectNats(testDependencies.natsUrl, 'start-up-diagnostics-cleanup');
    for (const instance of instances) await deleteStreams(nc, instance);
    await nc.drain();
  });

  const cases: Array<[service: string, dependency: string, setting: string, env: (port: number) => Record<string, string>]> = [
    ['api', 'NATS', 'YARD_NATS_URL', (port) => ({ YARD_NATS_URL: `nats://127.0.0.1:${port}` })],
    ['scheduler', 'NATS', 'YARD_NATS_URL', (port) => ({ YARD_NATS_URL: `nats://127.0.0.1:${port}` })],
    ['projection', 'PostgreSQL', 'YARD_DATABASE_URL', (port) => ({ YARD_DATABASE_URL: `postgres://postgres:hush@127.0.0.1:${port}/yard` })],
    ['api', 'PostgreSQL', 'YARD_DATABASE_URL', (port) => ({ YARD_DATABASE_URL: `postgres://postgres:hush@127.0.0.1:${port}/yard` })],
    ['collector', 'Temporal', 'TEMPORAL_ADDRESS', (port) => ({ TEMPORAL_ADDRESS: `127.0.0.1:${port}` })],
  ];

  it.each(cases)('%s with %s down: one line naming it, exit 69', async (service, dependency, setting, env) => {
    const { code, stderr } = await startService(service, env(closedPort));
    expect(stderr.trim().split('\n')).toEqual([
      `yardmaster ${service}: cannot start: ${dependency} at 127.0.0.1:${closedPort} cannot be reached (connection refused). ` +
        `Start ${dependency} there (npm run stack:up starts the development servers), or set ${setting} to where it runs.`,
    ]);
    expect(code).toBe(69);
  });
});
