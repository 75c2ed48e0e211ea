import { ErrorCode, YardError } from '@yardmaster/contracts';
import { parseScheduleBody } from './schedule-body';

function fieldErrorsOf(body: unknown, forPatch = false): unknown {
  try {
    parseScheduleBody(body, forPatch);
  } catch (error) {
    if (error instanceof YardError && error.code === ErrorCode.ValidationFailed) return error.fieldErrors;
    throw error;
  }
  throw new Error('no validation error');
}

describe('parseScheduleBody', () => {
  it('passes a well-formed request on', () => {
    expect(parseScheduleBody({ jobId: 'examples.HelloWorld', cron: '0 2 * * *', timezone: 'UTC', data: { name: 'x' } }, false)).toMatchObject({ jobId: 'examples.HelloWorld' });
  });

  it('refuses __proto__, constructor and toString like any unknown field, on create and on change', () => {
    const extra = JSON.parse('{"__proto__":{"x":1},"constructor":1,"toString":"x"}') as Record<string, unknown>;
    const expected = ['__proto__', 'constructor', 'toString'].map((field) => ({ field, message: 'is not a field of a schedule' }));

    expect(fieldErrorsOf({ jobId: 'examples.HelloWorld', ...extra })).toEqual(expected);
    expect(fieldErrorsOf({ intervalMinutes: 5, ...extra }, true)).toEqual(expected);
  });
});
