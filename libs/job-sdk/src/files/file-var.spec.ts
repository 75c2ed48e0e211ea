import type { RunFile } from './run-file';
import { DEFAULT_FILE_MAX_SIZE_BYTES, fileVar, type JobData } from '../variables/variable-builders';
import { fileRefsIn } from './file-refs';
import { validateRunData } from '../variables/validate-run-data';

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | undefined {
  return undefined;
}

describe('fileVar', () => {
  it('is a required file capped at 10 MiB unless told otherwise', () => {
    expect(fileVar()).toEqual({ type: 'file', label: '', description: '', required: true, maxSizeBytes: DEFAULT_FILE_MAX_SIZE_BYTES });
    expect(DEFAULT_FILE_MAX_SIZE_BYTES).toBe(10 * 1024 * 1024);
    expect(fileVar({ label: 'Config', description: 'A running config', required: false, maxSizeBytes: 2048 })).toEqual({
      type: 'file',
      label: 'Config',
      description: 'A running config',
      required: false,
      maxSizeBytes: 2048,
    });
  });

  it('refuses a cap that is not a whole, positive number of bytes', () => {
    for (const maxSizeBytes of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => fileVar({ maxSizeBytes })).toThrow(`fileVar: maxSizeBytes must be a whole number of bytes, at least 1, got ${maxSizeBytes}`);
    }
  });

  it('refuses a default or sensitive, which a file cannot have', () => {
    expect(() => fileVar({ default: 'x' } as never)).toThrow('fileVar: default is not supported for a file');
    expect(() => fileVar({ sensitive: true } as never)).toThrow('fileVar: sensitive is not supported for a file');
  });

  it('gives job code a RunFile, possibly undefined when optional', () => {
    const variables = { config: fileVar({ label: 'Config' }), extra: fileVar({ required: false }) };
    type Data = JobData<typeof variables>;
    assertType<Equals<Data['config'], RunFile>>();
    assertType<Equals<Data['extra'], RunFile | undefined>>();
    expect(variables.extra.required).toBe(false);
  });

  it('takes an uploaded file reference in run data, within the cap, and names it among the run files', () => {
    const variables = [{ name: 'config', ...fileVar({ maxSizeBytes: 100 }) }];
    const ref = { fileId: '3f1c3c56-8d0e-4a57-9d43-0d1bba0d0a8e', name: 'r1.cfg', size: 100, contentType: 'text/plain' };
    const validation = validateRunData(variables, { config: ref });
    expect(validation).toEqual({ ok: true, data: { config: ref } });
    expect(fileRefsIn(variables, { config: ref })).toEqual([{ variable: 'config', ref }]);
    expect(validateRunData(variables, { config: { ...ref, size: 101 } })).toEqual({
      ok: false,
      errors: [{ field: 'data.config', message: 'must be at most 100 bytes, got 101' }],
    });
    expect(validateRunData(variables, { config: 'r1.cfg' })).toMatchObject({ ok: false, errors: [{ field: 'data.config', message: expect.stringContaining('multipart/form-data') }] });
  });
});
