import { ErrorCode, YardError } from '@yardmaster/contracts';
import { readLastEventId } from './last-event-id';

describe('readLastEventId', () => {
  it('reads the header, else the query parameter, else null', () => {
    expect(readLastEventId('42', '7')).toBe(42);
    expect(readLastEventId(undefined, '7')).toBe(7);
    expect(readLastEventId('', '7')).toBe(7);
    expect(readLastEventId(undefined, undefined)).toBeNull();
    expect(readLastEventId(' 0 ', undefined)).toBe(0);
  });

  it('refuses what is not a stream sequence with VALIDATION_FAILED', () => {
    for (const [header, query, field] of [
      ['abc', undefined, 'Last-Event-ID'],
      ['-1', undefined, 'Last-Event-ID'],
      ['1.5', undefined, 'Last-Event-ID'],
      ['99999999999999999', undefined, 'Last-Event-ID'],
      [undefined, 'x', 'lastEventId'],
      [undefined, ['1', '2'], 'lastEventId'],
    ] as const) {
      const error = (() => {
        try {
          readLastEventId(header, query);
          return null;
        } catch (thrown) {
          return thrown;
        }
      })();
      expect(error).toBeInstanceOf(YardError);
      expect((error as YardError).code).toBe(ErrorCode.ValidationFailed);
      expect((error as YardError).fieldErrors?.[0].field).toBe(field);
    }
  });
});
