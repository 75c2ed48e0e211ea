import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-error';
import { EnvReader } from './env-reader';
import { readTextfsmConfig } from './textfsm-config';

describe('readTextfsmConfig', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'textfsm-config-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const read = (env: Record<string, string>) => {
    const reader = new EnvReader(env);
    return reader.finish(readTextfsmConfig(reader));
  };

  it('has no folder of the user by default, and a 10 s parse deadline', () => {
    expect(read({})).toEqual({ userTemplates: null, parseDeadlineMs: 10_000 });
  });

  it('takes a parse deadline in seconds, from 1 to 600', () => {
    expect(read({ YARD_TEXTFSM_PARSE_DEADLINE_SECONDS: '3' }).parseDeadlineMs).toBe(3_000);
    expect(() => read({ YARD_TEXTFSM_PARSE_DEADLINE_SECONDS: '0' })).toThrow(/YARD_TEXTFSM_PARSE_DEADLINE_SECONDS/);
  });

  it('takes a folder that holds an index', () => {
    writeFileSync(join(folder, 'index'), 'Template, Platform, Command\n');
    expect(read({ YARD_TEXTFSM_TEMPLATES: folder })).toEqual({ userTemplates: folder, parseDeadlineMs: 10_000 });
  });

  it('refuses a folder without an index, naming the variable', () => {
    mkdirSync(join(folder, 'empty'));
    expect(() => read({ YARD_TEXTFSM_TEMPLATES: join(folder, 'empty') })).toThrow(ConfigError);
    expect(() => read({ YARD_TEXTFSM_TEMPLATES: join(folder, 'empty') })).toThrow(/YARD_TEXTFSM_TEMPLATES=.*'index'/);
  });
});
