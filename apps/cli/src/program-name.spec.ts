import { programNameFrom } from './program-name';

describe('programNameFrom', () => {
  it('names npx when npx ran the yard bin', () => {
    expect(programNameFrom({ npm_command: 'exec', npm_lifecycle_event: 'npx', npm_lifecycle_script: "'yard'" })).toBe('npx yard');
    expect(programNameFrom({ npm_command: 'exec', npm_lifecycle_event: 'npx', npm_lifecycle_script: 'yard' })).toBe('npx yard');
  });

  it('names the npm script when `npm run yard` ran it', () => {
    expect(programNameFrom({ npm_command: 'run', npm_lifecycle_event: 'yard', npm_lifecycle_script: 'node apps/cli/bin/yard.js' })).toBe(
      'npm run yard --',
    );
  });

  it('is plain yard otherwise, also inside another tool that npx or npm started (a test runner spawning the CLI)', () => {
    expect(programNameFrom({})).toBe('yard');
    expect(programNameFrom({ npm_command: 'exec', npm_lifecycle_event: 'npx', npm_lifecycle_script: "'jest'" })).toBe('yard');
    expect(programNameFrom({ npm_command: 'test', npm_lifecycle_event: 'test', npm_lifecycle_script: 'node tools/test.mjs' })).toBe('yard');
  });
});
