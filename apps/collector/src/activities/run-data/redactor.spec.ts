import { REDACTED } from '@yardmaster/contracts';
import { Redactor } from './redactor';

describe('Redactor', () => {
  const redactor = new Redactor(['hunter2', 'hunter2-long', 4242, { token: 'tok-abc', ok: true }, null, '']);

  it('masks every occurrence of every value in text, the longest first', () => {
    expect(redactor.text('pw hunter2, again hunter2; long hunter2-long')).toBe(`pw ${REDACTED}, again ${REDACTED}; long ${REDACTED}`);
    expect(redactor.text('pin 4242 and token tok-abc')).toBe(`pin ${REDACTED} and token ${REDACTED}`);
    expect(redactor.text('nothing to hide')).toBe('nothing to hide');
  });

  it('does not mask the keys of a sensitive object, nor booleans, nulls or empty strings', () => {
    expect(redactor.text('token: true, ok')).toBe('token: true, ok');
  });

  it('masks strings and numbers anywhere in a JSON value', () => {
    expect(redactor.json({ login: 'admin', secret: 'x hunter2 y', pin: 4242, list: ['tok-abc', 7], hunter2: 1, length: 7 })).toEqual({
      login: 'admin',
      secret: `x ${REDACTED} y`,
      pin: REDACTED,
      list: [REDACTED, 7],
      [REDACTED]: 1,
      length: 7,
    });
  });

  it('copies an error with its message, stack and causes masked', () => {
    const cause = new TypeError('cause mentions hunter2');
    const error = new RangeError('login with hunter2 failed', { cause });
    const copy = redactor.error(error);
    expect(copy.name).toBe('RangeError');
    expect(copy.message).toBe(`login with ${REDACTED} failed`);
    expect(copy.stack).toContain(REDACTED);
    expect(copy.stack).not.toContain('hunter2');
    expect((copy.cause as Error).message).toBe(`cause mentions ${REDACTED}`);
    expect(copy).not.toBe(error);
  });

  it('changes nothing when there is nothing to hide', () => {
    const value = { a: 'b' };
    expect(Redactor.none.json(value)).toBe(value);
    expect(Redactor.none.text('x')).toBe('x');
    const error = new RangeError('as it was');
    expect(Redactor.none.error(error)).toBe(error);
  });
});
