import { ErrorCode, YardError, type FieldError } from '@yardmaster/contracts';
import type { InventoryListOptions } from '@yardmaster/job-sdk';

export const DEFAULT_LIST_LIMIT = 50;
export const MAX_LIST_LIMIT = 1000;

export interface ListWindow {
  readonly limit: number;
  readonly offset: number;
}

/** `limit` 1 to 1000 (default 50) and `offset` from 0 (default 0). */
export function readListOptions(options: InventoryListOptions = {}): ListWindow {
  const errors: FieldError[] = [];
  const { limit = DEFAULT_LIST_LIMIT, offset = 0 } = options;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT) errors.push({ field: 'limit', message: `must be a whole number from 1 to ${MAX_LIST_LIMIT}` });
  if (!Number.isInteger(offset) || offset < 0) errors.push({ field: 'offset', message: 'must be a whole number from 0' });
  if (errors.length > 0) throw new YardError(ErrorCode.ValidationFailed, 'Invalid paging', errors);
  return { limit, offset };
}
