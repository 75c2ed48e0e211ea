import { ErrorCode, YardError, type NamedVariableDefinition } from '@yardmaster/contracts';
import { decodeRunFormFields } from './run-form-fields';
import { parseStartRunForm as parseDecodedForm, type UploadedPart } from './start-run-form';

/** As the controller sees a form: its text parts decoded first (DecodeRunFormInterceptor), then checked. */
function parseStartRunForm(fields: Record<string, unknown>, parts: UploadedPart[], variables: readonly NamedVariableDefinition[]) {
  return parseDecodedForm(decodeRunFormFields(fields), parts, variables);
}

const variables: NamedVariableDefinition[] = [
  { name: 'config', type: 'file', label: 'Config', description: '', required: true, maxSizeBytes: 16 },
  { name: 'notes', type: 'file', label: 'Notes', description: '', required: false, maxSizeBytes: 100 },
  { name: 'device', type: 'string', label: 'Device', description: '', required: true },
];

function part(fieldname: string, content: string, mimetype = 'text/plain', originalname = `${fieldname}.txt`): UploadedPart {
  const buffer = Buffer.from(content);
  return { fieldname, originalname, mimetype, size: buffer.length, buffer };
}

function refusal(run: () => unknown): YardError {
  try {
    run();
  } catch (error) {
    if (error instanceof YardError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseStartRunForm', () => {
  it('reads the text parts as the JSON body would carry them, and each file part as its variable upload', () => {
    const form = parseStartRunForm(
      { data: '{"device":"r1"}', commit: 'false', queue: 'high', runTimeoutSeconds: '60', startAt: '2030-01-01T00:00:00Z' },
      [part('config', 'hostname r1', 'text/plain', 'r1.cfg')],
      variables,
    );
    expect(form.body).toEqual({ data: { device: 'r1' }, commit: false, queue: 'high', runTimeoutSeconds: 60, startAt: '2030-01-01T00:00:00Z' });
    expect(form.uploads).toEqual([{ variable: 'config', name: 'r1.cfg', contentType: 'text/plain', content: Buffer.from('hostname r1') }]);
  });

  it('takes runAs as a text part', () => {
    expect(parseStartRunForm({ runAs: 'bob' }, [part('config', 'x')], variables).body).toEqual({ data: {}, runAs: 'bob' });
  });

  it('needs no text part at all, and calls a part without a type application/octet-stream', () => {
    const form = parseStartRunForm({}, [part('config', 'x', '')], variables);
    expect(form.body).toEqual({ data: {} });
    expect(form.uploads[0]!.contentType).toBe('application/octet-stream');
  });

  it('refuses a file larger than its variable allows with FILE_TOO_LARGE, naming the field', () => {
    const error = refusal(() => parseStartRunForm({}, [part('config', '12345678901234567'), part('notes', 'fine')], variables));
    expect(error.code).toBe(ErrorCode.FileTooLarge);
    expect(error.fieldErrors).toEqual([{ field: 'data.config', message: 'must be at most 16 bytes, got 17' }]);
  });

  it('reports every other problem at once, one error per field', () => {
    const error = refusal(() =>
      parseStartRunForm(
        { data: '{"device":"r1","config":"inline"}', commit: 'maybe', runTimeoutSeconds: 'soon', notes: 'text', colour: 'red' },
        [part('device', 'r1'), part('config', 'a'), part('config', 'b')],
        variables,
      ),
    );
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.fieldErrors).toEqual(
      expect.arrayContaining([
        { field: 'data.notes', message: 'must be a file part: notes is a file variable' },
        { field: 'colour', message: 'is not a field of a run request' },
        { field: 'data.config', message: 'must be uploaded as a file part named config, not given in data' },
        { field: 'data.device', message: 'is not a file variable of this job' },
        { field: 'data.config', message: 'must be one file: give its part once' },
        { field: 'commit', message: 'must be true or false' },
        { field: 'runTimeoutSeconds', message: 'must be a whole number of seconds, at least 1' },
      ]),
    );
    expect(error.fieldErrors).toHaveLength(7);
  });

  it('refuses data that is not JSON, or a field given twice', () => {
    expect(refusal(() => parseStartRunForm({ data: '{device:' }, [], variables)).fieldErrors).toEqual([
      { field: 'data', message: 'must be JSON text of an object of variable values' },
    ]);
    expect(refusal(() => parseStartRunForm({ data: '[1]' }, [], variables)).fieldErrors).toEqual([{ field: 'data', message: 'must be an object of variable values' }]);
    expect(refusal(() => parseStartRunForm({ queue: ['a', 'b'] }, [], variables)).fieldErrors).toEqual([{ field: 'queue', message: 'must be given once, as text' }]);
  });

  it('refuses data nested deeper than JSON may be, before any other check', () => {
    const deep = `${'['.repeat(65)}${']'.repeat(65)}`;
    const error = refusal(() => parseStartRunForm({ data: `{"device":${deep}}`, colour: 'red' }, [], variables));
    expect(error.code).toBe(ErrorCode.MalformedRequest);
    expect(error.fieldErrors).toEqual([{ field: 'data', message: 'must nest at most 64 levels deep' }]);
  });

  it('decodes data as the JSON body carries it, escapes included, for the global input checks', () => {
    expect(decodeRunFormFields({ data: '{"device":"a\\u0000b"}', queue: 'high', colour: 'red' })).toEqual({ data: { device: 'a\u0000b' }, queue: 'high', colour: 'red' });
  });
});
