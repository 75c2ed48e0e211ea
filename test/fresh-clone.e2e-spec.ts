import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Installing ~860 packages from npm's cache and building the CLI takes about a minute on an idle machine; under
// load, several times that.
jest.setTimeout(15 * 60_000);

const REPOSITORY = join(__dirname, '..');

/**
 * The environment of a newcomer's shell: none of the npm_* variables that `npm test` or `npx jest` put around this
 * test (they would change what npx and the CLI do), and no registry lookups where a step needs none.
 */
function newcomerEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
  return { ...env, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false', ...extra };
}

function sh(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = newcomerEnv()): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return result;
}

function mustSucceed(result: SpawnSyncReturns<string>, what: string): void {
  if (result.status !== 0) throw new Error(`${what} exited with ${result.status}:\n${result.stdout}\n${result.stderr}`);
}

/** `npx yard …` in the clone, offline: a registry lookup fails it instead of passing unnoticed. */
function npxYard(clone: string, args: readonly string[]): SpawnSyncReturns<string> {
  return sh('npx', ['yard', ...args], clone, newcomerEnv({ npm_config_offline: 'true' }));
}

/**
 * A newcomer's first contact with the CLI, on a clone of this repository's committed state (commit first): the
 * launcher's install step, then `npx yard` before and after the build. npx must run the repository's own `yard`
 * every time, never look one up in the registry (where an unrelated package of that name exists).
 */
describe('`npx yard` on a fresh clone', () => {
  let workspace: string;
  let clone: string;

  beforeAll(() => {
    workspace = mkdtempSync(join(tmpdir(), 'yard-fresh-clone-'));
    clone = join(workspace, 'yardmaster');
    mustSucceed(sh('git', ['clone', '--quiet', REPOSITORY, clone], workspace), 'git clone');
  });

  afterAll(() => {
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it('keeps npx from installing registry packages in the repository, before anything is installed', () => {
    const config = sh('npm', ['config', 'get', 'yes'], clone);
    mustSucceed(config, 'npm config get yes');
    expect(config.stdout.trim()).toBe('false');
  });

  it('links the committed bin at install time, and `npx yard` says in one line how to build it', () => {
    // The launcher's own install step (`npm start` and `npm test` run it), from npm's cache where it can.
    const install = sh(process.execPath, ['--input-type=module', '-e', "(await import('./tools/stack/install.mjs')).ensureInstalled()"], clone, newcomerEnv({ npm_config_prefer_offline: 'true' }));
    mustSucceed(install, 'the launcher install step');
    expect(realpathSync(join(clone, 'node_modules', '.bin', 'yard'))).toBe(realpathSync(join(clone, 'apps', 'cli', 'bin', 'yard.js')));

    const unbuilt = npxYard(clone, ['--help']);
    expect(unbuilt.status).toBe(12);
    expect(unbuilt.stdout).toBe('');
    expect(unbuilt.stderr.trim().split('\n')).toEqual([
      `yard: the CLI is not built yet: run \`npm run build\` (or \`npm start\`) in ${realpathSync(clone)}, then try again.`,
    ]);
  });

  it('runs the built CLI with `npx yard`, and its hints are commands that work as typed', () => {
    // The CLI's part of `npm run build` (tsc -b builds it with the libraries it needs), to keep this test short.
    mustSucceed(sh(join(clone, 'node_modules', '.bin', 'tsc'), ['-b', 'apps/cli/tsconfig.json'], clone), 'tsc -b apps/cli');

    const help = npxYard(clone, ['--help']);
    expect({ status: help.status, stderr: help.stderr }).toEqual({ status: 0, stderr: '' });
    expect(help.stdout).toContain("yard: Yardmaster's command line");
    expect(help.stdout).toContain('Usage: npx yard <command> [arguments] [options]');

    // From a folder below the root, as from the root.
    const nested = sh('npx', ['yard', 'run', '--help'], join(clone, 'apps', 'api'), newcomerEnv({ npm_config_offline: 'true' }));
    expect(nested.status).toBe(0);
    expect(nested.stdout).toContain('Usage: npx yard run <jobId>');

    const script = sh('npm', ['run', '--silent', 'yard', '--', 'frobnicate'], clone, newcomerEnv({ npm_config_offline: 'true' }));
    expect(script.status).toBe(10);
    expect(script.stderr).toContain('Run `npm run yard -- --help` for usage.');
  });
});
