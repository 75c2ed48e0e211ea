import { ErrorCode, YardError } from '@yardmaster/contracts';

/**
 * Where a client stands in a run's events: after the message at stream `sequence`, or, inside a batch of log entries
 * (sent one event per entry, with ids `<sequence>.<entry>`), after its entry number `entry`.
 */
export interface EventPosition {
  readonly sequence: number;
  readonly entry: number | null;
}

/** The SSE id of an event: its stream sequence, and for an entry of a log batch its place in the batch. */
export function eventIdOf(sequence: number, entry: number | null = null): string {
  return entry === null ? String(sequence) : `${sequence}.${entry}`;
}

/**
 * The event a client has already seen: the `Last-Event-ID` header an EventSource sends when it reconnects, else the
 * `lastEventId` query parameter (for a first connection that resumes). Null when neither.
 */
export function readLastEventId(header: string | undefined, query: unknown): EventPosition | null {
  if (header !== undefined && header.trim() !== '') return parsePosition(header.trim(), 'Last-Event-ID');
  if (typeof query === 'string' && query.trim() !== '') return parsePosition(query.trim(), 'lastEventId');
  if (query !== undefined && typeof query !== 'string') {
    throw new YardError(ErrorCode.ValidationFailed, 'Invalid resume position', [{ field: 'lastEventId', message: 'must be given once' }]);
  }
  return null;
}

function parsePosition(raw: string, field: string): EventPosition {
  const match = /^(\d{1,16})(?:\.(\d{1,4}))?$/.exec(raw);
  const sequence = match ? Number(match[1]) : Number.NaN;
  if (!match || !Number.isSafeInteger(sequence)) {
    throw new YardError(ErrorCode.ValidationFailed, 'Invalid resume position', [
      { field, message: 'must be the id of an event received before: a whole number from 0, or <number>.<entry> for a log entry' },
    ]);
  }
  return { sequence, entry: match[2] === undefined ? null : Number(match[2]) };
}
