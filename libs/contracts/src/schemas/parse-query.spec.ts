import { ErrorCode, YardError } from '../errors/error-codes';
import { quietRunsQuerySchema } from '../queries/quiet-runs-query';
import { parseQuery } from './parse-query';

function refusalOf(body: unknown): YardError {
  try {
    parseQuery(quietRunsQuerySchema, body, 'The query');
  } catch (error) {
    if (error instanceof YardError) return error;
    throw error;
  }
  throw new Error('parseQuery accepted the body');
}

describe('parseQuery', () => {
  it('returns the query as its contract gives it, fields it does not know dropped', () => {
    expect(parseQuery(quietRunsQuerySchema, { quietSeconds: 30, limit: 10, since: 'later' }, 'The query')).toEqual({ quietSeconds: 30, limit: 10 });
  });

  it('refuses what is no JSON object with MALFORMED_REQUEST, and bad fields with VALIDATION_FAILED naming each once', () => {
    expect(refusalOf([30, 10])).toMatchObject({ code: ErrorCode.MalformedRequest, message: 'The query must be a JSON object' });
    const invalid = refusalOf({ quietSeconds: Number.POSITIVE_INFINITY, limit: -1.5 });
    expect(invalid).toMatchObject({ code: ErrorCode.ValidationFailed, message: 'The query is not valid' });
    expect(invalid.fieldErrors).toEqual([
      { field: 'quietSeconds', message: 'must be a number of seconds from 0 to 1000000000' },
      { field: 'limit', message: 'must be a whole number, 1 or more' },
    ]);
  });
});
