import { ErrorCode, MAX_QUIET_SECONDS, YardError } from '@yardmaster/contracts';
import { parseLiveRunsQuery } from './find-live-runs';

function refusalOf(body: unknown): YardError {
  try {
    parseLiveRunsQuery(body);
  } catch (error) {
    if (error instanceof YardError) return error;
    throw error;
  }
  throw new Error('parseLiveRunsQuery accepted the body');
}

describe('parseLiveRunsQuery', () => {
  it('accepts whole and fractional quiet times and a positive whole limit', () => {
    expect(parseLiveRunsQuery({ quietSeconds: 0, limit: 1 })).toEqual({ quietSeconds: 0, limit: 1 });
    expect(parseLiveRunsQuery({ quietSeconds: 2.5, limit: 5000, extra: true })).toEqual({ quietSeconds: 2.5, limit: 5000 });
  });

  it.each([[null], ['60'], [[60, 10]], [42]])('refuses %p with MALFORMED_REQUEST', (body) => {
    expect(refusalOf(body).code).toBe(ErrorCode.MalformedRequest);
  });

  it.each([
    [{ limit: 10 }, ['quietSeconds']],
    [{ quietSeconds: '60', limit: 10 }, ['quietSeconds']],
    [{ quietSeconds: -0.5, limit: 10 }, ['quietSeconds']],
    [{ quietSeconds: MAX_QUIET_SECONDS + 1, limit: 10 }, ['quietSeconds']],
    [{ quietSeconds: 60 }, ['limit']],
    [{ quietSeconds: 60, limit: 1.5 }, ['limit']],
    [{ quietSeconds: 60, limit: 0 }, ['limit']],
    [{ quietSeconds: null, limit: null }, ['quietSeconds', 'limit']],
  ])('refuses %p with VALIDATION_FAILED naming %p', (body, fields) => {
    const error = refusalOf(body);
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.fieldErrors?.map((fieldError) => fieldError.field)).toEqual(fields);
  });
});
