import { Logger } from '@nestjs/common';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CollectorConfig } from '../config';
import { CatalogService } from './catalog.service';

const GREETER_JS = `
const { Job } = require('@yardmaster/job-sdk');
class Greeter extends Job {
  run() {
    return 'hi';
  }
}
Greeter.meta = { name: 'Greeter' };
exports.Greeter = Greeter;
`;

function serviceFor(jobsRoot: string | null): CatalogService {
  return new CatalogService({ jobsRoot } as CollectorConfig);
}

describe('CatalogService', () => {
  let root: string;

  // The service logs each load; the assertions below say what matters.
  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'yard-catalog-'));
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('hosts the built-in jobs without JOBS_ROOT', () => {
    const catalog = serviceFor(null);
    catalog.onModuleInit();
    expect(catalog.current().find('examples.HelloWorld')).toBeDefined();
    expect(catalog.reload()).toEqual({ jobs: catalog.current().definitions().length, failedModules: [] });
  });

  it('swaps in a new registry on reload: jobs come and go, the built-in ones stay', () => {
    const catalog = serviceFor(root);
    catalog.onModuleInit();
    const builtinCount = catalog.current().definitions().length;
    expect(catalog.current().find('greetings.Greeter')).toBeUndefined();

    writeFileSync(join(root, 'greetings.js'), GREETER_JS);
    const before = catalog.current();
    expect(catalog.reload()).toEqual({ jobs: builtinCount + 1, failedModules: [] });
    expect(catalog.current()).not.toBe(before);
    expect(catalog.current().find('greetings.Greeter')?.definition).toMatchObject({ grouping: 'greetings', name: 'Greeter' });

    rmSync(join(root, 'greetings.js'));
    writeFileSync(join(root, 'broken.js'), 'this is not javascript');
    const reloaded = catalog.reload();
    expect(reloaded.jobs).toBe(builtinCount);
    expect(reloaded.failedModules).toEqual([{ file: join(root, 'broken.js'), error: expect.any(String) }]);
    expect(catalog.current().find('greetings.Greeter')).toBeUndefined();
    expect(catalog.current().find('examples.HelloWorld')).toBeDefined();
  });

  it('keeps the modules loaded before when the folder itself cannot be read', () => {
    writeFileSync(join(root, 'greetings.js'), GREETER_JS);
    const catalog = serviceFor(root);
    catalog.onModuleInit();
    rmSync(root, { recursive: true, force: true });

    const reloaded = catalog.reload();
    expect(reloaded.failedModules).toEqual([{ file: root, error: expect.stringContaining('the modules loaded before are kept') }]);
    expect(catalog.current().find('greetings.Greeter')).toBeDefined();
  });
});
