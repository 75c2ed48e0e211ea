import { ErrorCode, YardError } from '@yardmaster/contracts';

/**
 * The stream sequence a client has already seen: the `Last-Event-ID` header an EventSource sends when it
 * reconnects, else the `lastEventId` query parameter (for a first connection that resumes). Null when neither.
 */
export function readLastEventId(header: string | undefined, query: unknown): number | null {
  if (header !== undefined && header.trim() !== '') return parseSequence(header.trim(), 'Last-Event-ID');
  if (typeof query === 'string' && query.trim() !== '') return parseSequence(query.trim(), 'lastEventId');
  if (query !== undefined && typeof query !== 'string') {
    throw new YardError(ErrorCode.ValidationFailed, 'Invalid resume position', [{ field: 'lastEventId', message: 'must be given once' }]);
  }
  return null;
}

function parseSequence(raw: string, field: string): number {
  const value = /^\d{1,16}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value)) {
    throw new YardError(ErrorCode.ValidationFailed, 'Invalid resume position', [{ field, message: 'must be the id of an event received before: a whole number from 0' }]);
  }
  return value;
}
