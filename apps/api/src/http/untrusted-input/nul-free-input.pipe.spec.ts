import { ErrorCode, YardError } from '@yardmaster/contracts';
import { NulFreeInputPipe } from './nul-free-input.pipe';

const pipe = new NulFreeInputPipe();

function refusalOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return null;
}

const MESSAGE = 'must not contain the NUL character (\\u0000)';

describe('NulFreeInputPipe', () => {
  it('passes clean input on unchanged', () => {
    const body = { data: { name: 'yard' } };
    expect(pipe.transform(body, { type: 'body' })).toBe(body);
    expect(pipe.transform('examples.HelloWorld', { type: 'param', data: 'jobId' })).toBe('examples.HelloWorld');
  });

  it('names body fields as the body does, query and path fields with their prefix', () => {
    expect(refusalOf(() => pipe.transform({ data: { name: 'a\u0000b' } }, { type: 'body' }))).toMatchObject({
      code: ErrorCode.ValidationFailed,
      fieldErrors: [{ field: 'data.name', message: MESSAGE }],
    });
    expect(refusalOf(() => pipe.transform({ jobId: 'a\u0000b', limit: '5' }, { type: 'query' }))).toMatchObject({ fieldErrors: [{ field: 'query.jobId', message: MESSAGE }] });
    expect(refusalOf(() => pipe.transform('a\u0000b', { type: 'query', data: 'tag' }))).toMatchObject({ fieldErrors: [{ field: 'query.tag', message: MESSAGE }] });
    expect(refusalOf(() => pipe.transform('a\u0000b', { type: 'param', data: 'username' }))).toMatchObject({ fieldErrors: [{ field: 'path.username', message: MESSAGE }] });
    expect(refusalOf(() => pipe.transform('\u0000', { type: 'body' }))).toMatchObject({ fieldErrors: [{ field: 'body', message: MESSAGE }] });
  });

  it("checks uploaded files' names, and leaves other custom arguments alone", () => {
    const parts = [
      { fieldname: 'config', originalname: 'r1.cfg', buffer: Buffer.from('\u0000 is fine in content') },
      { fieldname: 'notes', originalname: 'a\u0000b.txt', buffer: Buffer.alloc(0) },
    ];
    const refusal = refusalOf(() => pipe.transform(parts, { type: 'custom' }));

    expect(refusal).toBeInstanceOf(YardError);
    expect(refusal).toMatchObject({ fieldErrors: [{ field: 'data.notes', message: MESSAGE }] });
    expect(pipe.transform({ username: 'x\u0000' }, { type: 'custom' })).toEqual({ username: 'x\u0000' });
  });
});
