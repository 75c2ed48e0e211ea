import { DEFAULT_FILE_MAX_SIZE_BYTES, fileVariableType } from './file.variable-type';

const ref = { fileId: 'f1', name: 'r1.cfg', size: 100, contentType: 'text/plain' };
const MULTIPART = 'must be uploaded as a file: send the run request as multipart/form-data with a part of this name';

describe('file variable type', () => {
  const file = fileVariableType.define('fileVar', { maxSizeBytes: 100 });

  it('takes the reference the API made of the upload, and nothing more', () => {
    expect(fileVariableType.check(file, { ...ref })).toEqual({ ok: true, value: ref });
  });

  it.each([
    ['text', 'r1.cfg'],
    ['an extra field', { ...ref, path: '/tmp/x' }],
    ['a missing field', { fileId: 'f1', name: 'r1.cfg', size: 1 }],
    ['a fractional size', { ...ref, size: 1.5 }],
    ['a negative size', { ...ref, size: -1 }],
    ['too large and malformed', { ...ref, size: 101, name: 7 }],
  ])('refuses %s as not uploaded', (_case, value) => {
    expect(fileVariableType.check(file, value)).toEqual({ ok: false, message: MULTIPART });
  });

  it('refuses a reference larger than the cap, saying both sizes', () => {
    expect(fileVariableType.check(file, { ...ref, size: 101 })).toEqual({ ok: false, message: 'must be at most 100 bytes, got 101' });
  });

  it.each([
    [{ default: 'x' }, 'fileVar: default is not supported for a file'],
    [{ default: 'x', sensitive: true }, 'fileVar: default and sensitive are not supported for a file'],
    [{ maxSizeBytes: 0 }, 'fileVar: maxSizeBytes must be a whole number of bytes, at least 1, got 0'],
  ])('refuses the options %p', (options, message) => {
    expect(() => fileVariableType.define('fileVar', options)).toThrow(message);
  });

  it('caps uploads at 10 MiB unless told otherwise', () => {
    expect(fileVariableType.define('fileVar', {})).toMatchObject({ maxSizeBytes: DEFAULT_FILE_MAX_SIZE_BYTES });
  });

  it('leaves --data to the JSON Schema: a file is sent with --file', () => {
    expect(fileVariableType.cliValueKind).toBeUndefined();
  });
});
