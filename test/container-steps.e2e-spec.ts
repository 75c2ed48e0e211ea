import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(180_000);

const REPOSITORY = join(__dirname, '..');

/** Runs one of docker-compose's steps (tools/container/*.mjs) as the container runs it, with only `env` set. */
function step(script: string, env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(REPOSITORY, 'tools', 'container', script)], {
    cwd: REPOSITORY,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** docker-compose's first-start step and its containers' health check, against the real services. */
describe('the steps docker-compose runs', () => {
  let secretsDir: string;

  beforeAll(() => {
    secretsDir = mkdtempSync(join(tmpdir(), 'yard-secrets-'));
  });

  afterAll(() => {
    if (secretsDir) rmSync(secretsDir, { recursive: true, force: true });
  });

  describe('init-secrets', () => {
    it('makes the secrets key and the admin token once, readable by their owner only, and never prints them', () => {
      const first = step('init-secrets.mjs', { YARD_SECRETS_DIR: secretsDir });
      expect(first).toMatchObject({ status: 0, stderr: '' });
      const key = readFileSync(join(secretsDir, 'secrets-key'), 'utf8').trim();
      const token = readFileSync(join(secretsDir, 'admin-token'), 'utf8').trim();
      expect(Buffer.from(key, 'base64')).toHaveLength(32);
      expect(token).toMatch(/^yard_[A-Za-z0-9_-]{43}$/);
      for (const file of ['secrets-key', 'admin-token']) expect(statSync(join(secretsDir, file)).mode & 0o777).toBe(0o600);
      expect(first.stdout).toContain(`created the secrets key (YARD_SECRETS_KEY) in ${join(secretsDir, 'secrets-key')}`);
      expect(first.stdout).not.toContain(key);
      expect(first.stdout).not.toContain(token);

      // Every later start keeps them: runs sealed with the key must still open.
      const again = step('init-secrets.mjs', { YARD_SECRETS_DIR: secretsDir, YARD_SECRETS_KEY: Buffer.alloc(32, 1).toString('base64') });
      expect(again.status).toBe(0);
      expect(again.stdout).toContain('kept the secrets key');
      expect(readFileSync(join(secretsDir, 'secrets-key'), 'utf8').trim()).toBe(key);
      expect(readFileSync(join(secretsDir, 'admin-token'), 'utf8').trim()).toBe(token);
    });

    it('stores the values given in the environment instead of new ones', () => {
      const dir = mkdtempSync(join(tmpdir(), 'yard-secrets-given-'));
      try {
        const key = Buffer.alloc(32, 7).toString('base64');
        const token = `yard_${'t'.repeat(43)}`;
        expect(step('init-secrets.mjs', { YARD_SECRETS_DIR: dir, YARD_SECRETS_KEY: key, YARD_ADMIN_TOKEN: token }).status).toBe(0);
        expect(readFileSync(join(dir, 'secrets-key'), 'utf8').trim()).toBe(key);
        expect(readFileSync(join(dir, 'admin-token'), 'utf8').trim()).toBe(token);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('healthcheck, on services that read the secrets key from the file the step made', () => {
    let stack: YardmasterStack;
    let shared: Record<string, string>;

    beforeAll(async () => {
      // As in docker-compose: the key comes as a file (YARD_SECRETS_KEY_FILE), not as a value.
      stack = await YardmasterStack.start({ YARD_SECRETS_KEY: '', YARD_SECRETS_KEY_FILE: join(secretsDir, 'secrets-key') });
      shared = { YARD_INSTANCE: stack.instance, YARD_NATS_URL: stack.dependencies.natsUrl };
    });

    afterAll(async () => {
      await stack?.stop();
    });

    it('starts the services with the key from the file, and they run a job', async () => {
      const run = await stack.waitForRunToEnd(await stack.startRun('examples.HelloWorld', { data: { name: 'compose' } }));
      expect(run.status).toBe('completed');
    });

    it('finds every service of its container ready', () => {
      const apiPort = new URL(stack.apiUrl).port;
      expect(step('healthcheck.mjs', { SERVICE: 'api', YARD_API_PORT: apiPort })).toMatchObject({ status: 0, stdout: '' });
      for (const service of ['scheduler', 'collector', 'projection']) {
        expect({ service, ...step('healthcheck.mjs', { SERVICE: service, ...shared }) }).toMatchObject({ service, status: 0, stdout: '' });
      }
    });

    it("tells this container's instance from the others, and says why it is unhealthy", () => {
      const elsewhere = step('healthcheck.mjs', { SERVICE: 'collector', YARD_COLLECTOR_ID: 'collector@elsewhere:1', ...shared });
      expect(elsewhere.status).toBe(1);
      expect(elsewhere.stdout).toMatch(/^unhealthy: no collector of this container answered its health ping on NATS at 127\.0\.0\.1:\d+ \(1 other instance\(s\) did\)\n$/);

      const noApi = step('healthcheck.mjs', { SERVICE: 'api', YARD_API_PORT: '1' });
      expect(noApi.status).toBe(1);
      expect(noApi.stdout).toMatch(/^unhealthy: /);

      expect(step('healthcheck.mjs', { SERVICE: 'toString', ...shared })).toMatchObject({ status: 1, stdout: expect.stringContaining('expected api, scheduler, collector or projection') });
    });

    it('reports a stopped collector unhealthy', async () => {
      await stack.service('collector').stop();
      const stopped = step('healthcheck.mjs', { SERVICE: 'collector', ...shared });
      expect(stopped.status).toBe(1);
      expect(stopped.stdout).toContain('unhealthy: no collector of this container answered');
    });
  });
});
