import type * as Swc from '@swc/core';
import * as jobSdk from '@yardmaster/job-sdk';
import { isJobClass, JobRegistry, type JobClass, type JobModule } from '@yardmaster/job-sdk';
import Module, { createRequire } from 'node:module';
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

/** The specifier user modules import the SDK by; it is always the collector's own copy. */
const JOB_SDK = '@yardmaster/job-sdk';
const MODULE_FILE = /^(.+)\.(ts|js)$/;
const MODULE_NAME = /^[a-z0-9_-]+$/;

/** A file of JOBS_ROOT that could not be loaded, and why. */
export interface FailedJobModule {
  readonly file: string;
  readonly error: string;
}

export interface LoadedUserJobModules {
  readonly modules: JobModule[];
  readonly failures: FailedJobModule[];
}

/** Resolves as this file would: where the collector's own packages are found. */
const collectorRequire = createRequire(__filename);

/**
 * Node's module cache (`require.cache`), where user modules and the helper files they require land. Read from
 * `Module` rather than a `require`, which under Jest is Jest's own.
 */
const moduleCache = (Module as unknown as { _cache: NodeJS.Dict<NodeJS.Module> })._cache;

/** `Module#_compile`, which Node's own loader calls with a file's source; not in @types/node. */
interface CompilableModule extends NodeJS.Module {
  _compile(source: string, filename: string): void;
}

/**
 * Loads the user's job modules: every `<JOBS_ROOT>/<name>.ts` and `<name>.js` whose file name is a module name
 * (lower-case letters, digits, `_` and `-`). A module's jobs are the classes it exports that extend `Job`; its
 * grouping is `export const grouping = '…'`, or its name. `.ts` files are compiled with SWC (CommonJS, no type
 * check). Whatever JOBS_ROOT is, `@yardmaster/job-sdk` in a user module is this collector's own SDK (so its
 * `Job` is the one job classes are recognised by); other imports resolve from the file's folder, then from the
 * collector's node_modules.
 *
 * A module that fails to load (a syntax error, an exception at load, no job class, a job the catalog refuses,
 * a name already taken) is reported and skipped; the others load. Each call reads the files anew: the require
 * cache of everything under the folder is cleared first, so a changed file is read again and a removed one is gone.
 */
export function loadUserJobModules(jobsRoot: string, options: { reservedNames?: readonly string[] } = {}): LoadedUserJobModules {
  const root = resolve(jobsRoot);
  clearRequireCacheUnder(root);
  const modules: JobModule[] = [];
  const failures: FailedJobModule[] = [];
  const taken = new Map<string, string>((options.reservedNames ?? []).map((name) => [name, 'a built-in module']));
  for (const fileName of readdirSync(root).sort()) {
    const match = MODULE_FILE.exec(fileName);
    if (!match || fileName.startsWith('.') || fileName.endsWith('.d.ts')) continue;
    const file = join(root, fileName);
    if (!isFile(file)) continue;
    const name = match[1];
    try {
      if (!MODULE_NAME.test(name)) throw new Error(`${fileName} is not a module name: use lower-case letters, digits, _ and - (e.g. net_checks.ts)`);
      const holder = taken.get(name);
      if (holder) throw new Error(`the module name ${name} is already taken by ${holder}`);
      const jobModule = toJobModule(name, loadFile(file));
      // Describes every job now, so a job the catalog would refuse fails its own module, not the whole catalog.
      new JobRegistry([jobModule]);
      taken.set(name, fileName);
      modules.push(jobModule);
    } catch (error) {
      failures.push({ file, error: messageOf(error) });
    }
  }
  return { modules, failures };
}

function toJobModule(name: string, exported: unknown): JobModule {
  const exports = (exported ?? {}) as Record<string, unknown>;
  const jobs = [...new Set(Object.values(exports).filter(isJobClass))] as JobClass[];
  if (jobs.length === 0) throw new Error(`it exports no class extending Job from ${JOB_SDK}`);
  const { grouping = name } = exports;
  if (typeof grouping !== 'string' || grouping.trim() === '') throw new Error('its export grouping must be a non-empty string');
  return { name, grouping, jobs };
}

/** Runs one file as a CommonJS module, as `require` would, and returns its exports. */
function loadFile(file: string): unknown {
  const source = readFileSync(file, 'utf8');
  const code = extname(file) === '.ts' ? compileTypeScript(file, source) : source;
  const userModule = new Module(file) as CompilableModule;
  userModule.filename = file;
  userModule.paths = [...new Set([...(createRequire(file).resolve.paths('x') ?? []), ...(collectorRequire.resolve.paths(JOB_SDK) ?? [])])];
  // Node hands the module's code a `require` that calls this method: the SDK is served from here, the rest as usual.
  const requireFromFile = userModule.require.bind(userModule);
  userModule.require = ((id: string): unknown => (id === JOB_SDK ? jobSdk : requireFromFile(id))) as NodeJS.Require;
  moduleCache[file] = userModule;
  try {
    userModule._compile(code, file);
  } catch (error) {
    delete moduleCache[file];
    throw error;
  }
  userModule.loaded = true;
  return userModule.exports;
}

/**
 * SWC, loaded the first time a `.ts` job module is compiled: its native library and its start-up cost 13 MB of
 * resident memory that a collector without TypeScript jobs in JOBS_ROOT never needs (README, "Memory").
 */
let swc: typeof Swc | null = null;

function compileTypeScript(file: string, source: string): string {
  swc ??= collectorRequire('@swc/core') as typeof Swc;
  try {
    return swc.transformSync(source, {
      filename: file,
      swcrc: false,
      configFile: false,
      sourceMaps: 'inline',
      jsc: { parser: { syntax: 'typescript', decorators: false }, target: 'es2022' },
      module: { type: 'commonjs' },
    }).code;
  } catch (error) {
    // SWC's message shows the offending lines; with RUST_BACKTRACE set, a native stack trace follows them.
    throw new Error(`it does not compile:\n${messageOf(error).split(/\n\s*Stack backtrace:/)[0].trimEnd()}`);
  }
}

/** Forgets the modules under `root`, by the path given and by its real path (Node caches helpers by the latter). */
function clearRequireCacheUnder(root: string): void {
  const prefixes = [...new Set([root, realpathSync(root)])].map((path) => (path.endsWith(sep) ? path : `${path}${sep}`));
  for (const key of Object.keys(moduleCache)) {
    if (prefixes.some((prefix) => key.startsWith(prefix))) delete moduleCache[key];
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The message of whatever a module threw: its code runs in this process, but need not throw an `Error`. */
export function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
