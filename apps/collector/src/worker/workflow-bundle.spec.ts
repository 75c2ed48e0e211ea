import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { missingWorkflowBundleLine } from './workflow-bundle';

describe('missingWorkflowBundleLine', () => {
  const folder = mkdtempSync(join(tmpdir(), 'yard-bundle-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('is one line naming the missing file and the command that builds it', () => {
    const bundle = join(folder, 'workflows.bundle.js');
    const line = missingWorkflowBundleLine(bundle);
    expect(line).toBe(`yardmaster collector: cannot start: the workflow bundle ${bundle} is missing. Build it with npm run build.`);
    expect(line).not.toContain('\n');
  });

  it('is null once the bundle is there', () => {
    const bundle = join(folder, 'present.bundle.js');
    writeFileSync(bundle, 'var __TEMPORAL__;');
    expect(missingWorkflowBundleLine(bundle)).toBeNull();
  });
});
