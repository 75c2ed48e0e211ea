import { JobRegistry } from '@yardmaster/job-sdk';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadUserJobModules } from './user-job-modules';

const NET_CHECKS_TS = `
import { integerVar, Job, stringVar, type JobContext, type JobData } from '@yardmaster/job-sdk';

export const grouping = 'Network checks';

const variables = { device: stringVar({ label: 'Device' }), tries: integerVar({ default: 2, minValue: 1 }) };

export class PingDevice extends Job<typeof variables> {
  static override readonly meta = { name: 'Ping a device' };
  static override readonly variables = variables;
  run(data: JobData<typeof variables>, context: JobContext): { pinged: string } {
    context.logger.info(\`pinging \${data.device}\`);
    return { pinged: data.device };
  }
  test_reachable(): null {
    return null;
  }
}

export class TraceRoute extends Job {
  static override readonly meta = { name: 'Trace route', description: 'Traces' };
  run(): string {
    return 'traced';
  }
}

// Not jobs: a helper function, a plain class and a constant.
export function helper(): number {
  return 1;
}
export class NotAJob {}
export const answer: number = 42;
`;

const LEGACY_JS = `
const { Job } = require('@yardmaster/job-sdk');
class OldReport extends Job {
  run() {
    return 'v1';
  }
}
OldReport.meta = { name: 'Old report' };
module.exports = { OldReport };
`;

const BROKEN_TS = `
import { Job } from '@yardmaster/job-sdk';
export class Broken extends Job {
  static override readonly meta = { name: 'Broken' ;
}
`;

describe('loadUserJobModules', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'yard-jobs-'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  function write(fileName: string, source: string): string {
    const file = join(root, fileName);
    writeFileSync(file, source);
    return file;
  }

  it('loads a .ts module of two jobs and a .js module, and reports a broken one without losing the others', () => {
    write('net_checks.ts', NET_CHECKS_TS);
    write('legacy.js', LEGACY_JS);
    const broken = write('broken.ts', BROKEN_TS);
    write('README.md', '# not a module');

    const { modules, failures } = loadUserJobModules(root);

    expect(modules.map((module) => [module.name, module.grouping, module.jobs.map((job) => job.name)])).toEqual([
      ['legacy', 'legacy', ['OldReport']],
      ['net_checks', 'Network checks', ['PingDevice', 'TraceRoute']],
    ]);
    expect(failures).toEqual([{ file: broken, error: expect.any(String) }]);
    expect(failures[0].error).toContain('it does not compile:');
    expect(failures[0].error).toContain("Expected ','");
    expect(failures[0].error).not.toContain('Stack backtrace');

    // The jobs describe and run like built-in ones: the SDK they extend is the collector's own.
    const registry = new JobRegistry(modules);
    expect(registry.definitions().map((definition) => definition.id)).toEqual(['legacy.OldReport', 'net_checks.PingDevice', 'net_checks.TraceRoute']);
    expect(registry.find('net_checks.PingDevice')?.definition).toMatchObject({
      name: 'Ping a device',
      grouping: 'Network checks',
      steps: ['run', 'test_reachable'],
      variables: [expect.objectContaining({ name: 'device', type: 'string', label: 'Device' }), expect.objectContaining({ name: 'tries', default: 2 })],
    });
    const trace = registry.find('net_checks.TraceRoute');
    expect(trace && new trace.jobClass().run({}, {} as never)).toBe('traced');
  });

  it('reads the files again on each call: a removed module is gone, a changed one is new', () => {
    write('net_checks.ts', NET_CHECKS_TS);
    const legacy = write('legacy.js', LEGACY_JS);
    const first = loadUserJobModules(root);
    expect(first.modules.map((module) => module.name)).toEqual(['legacy', 'net_checks']);
    const oldReport = first.modules[0].jobs[0];

    rmSync(join(root, 'net_checks.ts'));
    writeFileSync(legacy, LEGACY_JS.replace("'v1'", "'v2'"));
    const second = loadUserJobModules(root);

    expect(second.failures).toEqual([]);
    expect(second.modules.map((module) => module.name)).toEqual(['legacy']);
    const reloaded = second.modules[0].jobs[0];
    expect(reloaded).not.toBe(oldReport);
    expect(new reloaded().run({}, {} as never)).toBe('v2');
    expect(new oldReport().run({}, {} as never)).toBe('v1');
  });

  it('reads the helper files a module requires again on each call', () => {
    mkdirSync(join(root, 'lib'));
    const helper = write('lib/words.js', "exports.word = 'one';\n");
    write('words.js', "const { Job } = require('@yardmaster/job-sdk');\nconst { word } = require('./lib/words');\nexports.Say = class Say extends Job { run() { return word; } };\nexports.Say.meta = { name: 'Say' };\n");
    const say = () => new (loadUserJobModules(root).modules[0].jobs[0])().run({}, {} as never);
    expect(say()).toBe('one');
    writeFileSync(helper, "exports.word = 'two';\n");
    expect(say()).toBe('two');
  });

  it('reports modules it cannot host: a bad file name, a taken name, no job class, a job the catalog refuses, an exception at load', () => {
    write('NetChecks.ts', NET_CHECKS_TS);
    write('examples.ts', NET_CHECKS_TS);
    write('net_checks.ts', NET_CHECKS_TS);
    write('net_checks.js', LEGACY_JS);
    write('empty.ts', 'export const nothing = 1;\n');
    write('nameless.js', "const { Job } = require('@yardmaster/job-sdk');\nexports.Nameless = class Nameless extends Job { run() { return null; } };\n");
    write('throws.js', "throw new Error('cannot reach the device inventory');\n");
    write('types.d.ts', 'export type Nothing = never;\n');
    mkdirSync(join(root, 'helpers.ts'));

    const { modules, failures } = loadUserJobModules(root, { reservedNames: ['examples'] });

    expect(modules.map((module) => module.name)).toEqual(['net_checks']);
    expect(failures.map((failure) => [failure.file.slice(root.length + 1), failure.error])).toEqual([
      ['NetChecks.ts', 'NetChecks.ts is not a module name: use lower-case letters, digits, _ and - (e.g. net_checks.ts)'],
      ['empty.ts', 'it exports no class extending Job from @yardmaster/job-sdk'],
      ['examples.ts', 'the module name examples is already taken by a built-in module'],
      ['nameless.js', 'Job nameless.Nameless has no static meta.name'],
      ['net_checks.ts', 'the module name net_checks is already taken by net_checks.js'],
      ['throws.js', 'cannot reach the device inventory'],
    ]);
  });

  it('throws when the folder itself cannot be read', () => {
    expect(() => loadUserJobModules(join(root, 'missing'))).toThrow(/ENOENT/);
  });
});
