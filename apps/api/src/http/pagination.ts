import { ErrorCode, YardError, type FieldError } from '@yardmaster/contracts';

export interface Page {
  readonly limit: number;
  readonly offset: number;
}

export interface PageOf<T> extends Page {
  readonly items: T[];
  readonly total: number;
}

/** Some of the rows a query selects (one page of them), and how many it selects in all. */
export interface Found<TRecord> {
  readonly records: TRecord[];
  readonly total: number;
}

const MAX_LIMIT = 500;

/** Reads `limit` (1 to `maxLimit`, 500 unless a listing allows more; default 50) and `offset` (from 0) from a query string. */
export function readPage(query: { limit?: string; offset?: string }, maxLimit = MAX_LIMIT): Page {
  const errors: FieldError[] = [];
  const limit = readWhole(query.limit, 50, 1, maxLimit, 'limit', errors);
  const offset = readWhole(query.offset, 0, 0, Number.MAX_SAFE_INTEGER, 'offset', errors);
  if (errors.length > 0) throw new YardError(ErrorCode.ValidationFailed, 'Invalid paging', errors);
  return { limit, offset };
}

/** Reads a position cursor (`after`: a whole number from 0) from a query string; undefined when not given. */
export function readPosition(raw: string | undefined, field: string): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const errors: FieldError[] = [];
  const position = readWhole(raw, 0, 0, Number.MAX_SAFE_INTEGER, field, errors);
  if (errors.length > 0) throw new YardError(ErrorCode.ValidationFailed, 'Invalid paging', errors);
  return position;
}

function readWhole(raw: string | undefined, fallback: number, min: number, max: number, field: string, errors: FieldError[]): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    errors.push({ field, message: `must be a whole number from ${min} to ${max}` });
    return fallback;
  }
  return value;
}
