// The image ships every workspace library the services and the CLI load: a library added to the workspace but not to
// the Dockerfile builds and passes every test here, and then the collector cannot start in a container (libs/snmp was
// missing from the image for a round). No Docker engine is needed: the Dockerfile is read as text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const APPS = ['api', 'cli', 'collector', 'projection', 'scheduler'];
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');

/** The workspace libraries a package depends on at run time, and theirs, by folder name under libs/. */
function runtimeLibraries(packageDir, found = new Set()) {
  const manifest = JSON.parse(readFileSync(join(ROOT, packageDir, 'package.json'), 'utf8'));
  for (const name of Object.keys(manifest.dependencies ?? {})) {
    if (!name.startsWith('@yardmaster/')) continue;
    const folder = name.slice('@yardmaster/'.length);
    if (found.has(folder)) continue;
    found.add(folder);
    runtimeLibraries(join('libs', folder), found);
  }
  return found;
}

const libraries = [...new Set(APPS.flatMap((app) => [...runtimeLibraries(join('apps', app))]))].sort();

test('the services depend on workspace libraries (the check below checks something)', () => {
  assert.ok(libraries.includes('contracts') && libraries.includes('snmp') && libraries.length >= 10, libraries.join(', '));
});

for (const library of libraries) {
  test(`the image installs and ships libs/${library}`, () => {
    assert.ok(dockerfile.includes(`COPY libs/${library}/package.json /yard/libs/${library}/`), `the manifests stage lacks libs/${library}/package.json`);
    assert.ok(dockerfile.includes(`COPY --from=build /yard/libs/${library}/dist/ ./libs/${library}/dist/`), `the runtime stage lacks libs/${library}/dist`);
    assert.ok(dockerfile.includes(`COPY --from=build /yard/libs/${library}/package.json ./libs/${library}/`), `the runtime stage lacks libs/${library}/package.json`);
  });
}

test('the image holds the ntc-templates release libs/textfsm looks for', () => {
  const NTC_TEMPLATES_VERSION = readFileSync(join(ROOT, 'libs/textfsm/src/templates/installed-templates.ts'), 'utf8').match(/NTC_TEMPLATES_VERSION = '([^']+)'/)?.[1];
  assert.ok(NTC_TEMPLATES_VERSION);
  assert.ok(dockerfile.includes(`pip install --no-cache-dir --disable-pip-version-check ntc-templates==${NTC_TEMPLATES_VERSION}`));
  assert.ok(dockerfile.includes(`./.yard/ntc-templates/venv-${NTC_TEMPLATES_VERSION}/lib/python3.11/site-packages/ntc_templates/`));
});
