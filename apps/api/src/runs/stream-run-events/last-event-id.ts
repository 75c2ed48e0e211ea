import { ErrorCode, MAX_LOG_BATCH_ENTRIES, YardError } from '@yardmaster/contracts';

/**
 * Where a client stands in a run's events: after the message at stream `sequence`, or, inside a batch of log entries
 * (sent one event per entry, with ids `<sequence>.<entry>`), after its entry number `entry`.
 */
export interface EventPosition {
  readonly sequence: number;
  readonly entry: number | null;
}

/**
 * The SSE id of an event: its stream sequence, and for an entry of a log batch its place in the batch in three digits
 * (a batch holds fewer than 1,000), so that ids read as numbers still increase: `41`, `42.000`, `42.001`, …, `43`.
 */
export function eventIdOf(sequence: number, entry: number | null = null): string {
  return entry === null ? String(sequence) : `${sequence}.${String(entry).padStart(ENTRY_DIGITS, '0')}`;
}

const ENTRY_DIGITS = String(MAX_LOG_BATCH_ENTRIES - 1).length;

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
  const match = /^(\d{1,16})(?:\.(\d{3}))?$/.exec(raw);
  const sequence = match ? Number(match[1]) : Number.NaN;
  if (!match || !Number.isSafeInteger(sequence)) {
    throw new YardError(ErrorCode.ValidationFailed, 'Invalid resume position', [
      { field, message: 'must be the id of an event received before: a whole number from 0, or <number>.<entry> (three digits) for a log entry' },
    ]);
  }
  return { sequence, entry: match[2] === undefined ? null : Number(match[2]) };
}
