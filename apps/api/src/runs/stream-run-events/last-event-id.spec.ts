import { ErrorCode, YardError } from '@yardmaster/contracts';
import { eventIdOf, readLastEventId } from './last-event-id';

describe('readLastEventId', () => {
  it('reads the header, else the query parameter, else null', () => {
    expect(readLastEventId('42', '7')).toEqual({ sequence: 42, entry: null });
    expect(readLastEventId(undefined, '7')).toEqual({ sequence: 7, entry: null });
    expect(readLastEventId('', '7')).toEqual({ sequence: 7, entry: null });
    expect(readLastEventId(undefined, undefined)).toBeNull();
    expect(readLastEventId(' 0 ', undefined)).toEqual({ sequence: 0, entry: null });
  });

  it('reads the id of a log entry sent from a batch: its message and its place in it, as eventIdOf wrote it', () => {
    expect(eventIdOf(42, 7)).toBe('42.007');
    expect(eventIdOf(42, 255)).toBe('42.255');
    expect(eventIdOf(42)).toBe('42');
    expect(readLastEventId(eventIdOf(42, 7), undefined)).toEqual({ sequence: 42, entry: 7 });
    expect(readLastEventId(undefined, '42.000')).toEqual({ sequence: 42, entry: 0 });
  });

  it('gives ids that increase when read as numbers, across messages and the entries of a batch', () => {
    const ids = [eventIdOf(41), eventIdOf(42, 0), eventIdOf(42, 9), eventIdOf(42, 10), eventIdOf(42, 100), eventIdOf(42, 999), eventIdOf(43)].map(Number);
    expect(ids.every((id, index) => index === 0 || id > ids[index - 1])).toBe(true);
  });

  it('refuses what is not an event id with VALIDATION_FAILED', () => {
    for (const [header, query, field] of [
      ['abc', undefined, 'Last-Event-ID'],
      ['-1', undefined, 'Last-Event-ID'],
      ['1.x', undefined, 'Last-Event-ID'],
      ['99999999999999999', undefined, 'Last-Event-ID'],
      ['1.', undefined, 'Last-Event-ID'],
      ['1.2.3', undefined, 'Last-Event-ID'],
      ['1.5', undefined, 'Last-Event-ID'],
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
