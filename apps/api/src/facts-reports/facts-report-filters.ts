import {
  COLLECTOR_TYPES,
  ErrorCode,
  FACTS_ENTRY_ACTIONS,
  FACTS_ENTRY_STATUSES,
  FACTS_REPORT_STATUSES,
  YardError,
  type CollectorType,
  type FactsEntryAction,
  type FactsEntryStatus,
  type FactsReportStatus,
  type FieldError,
} from '@yardmaster/contracts';
import { readPage, type Page } from '../http/pagination';

export interface FactsReportFilters {
  readonly planId?: string;
  readonly runId?: string;
  readonly status?: FactsReportStatus;
}

export interface FactsEntryFilters {
  readonly action?: FactsEntryAction;
  readonly status?: FactsEntryStatus;
  readonly collectorType?: CollectorType;
  readonly deviceId?: string;
}

/** A report's entries are listed up to a thousand at a time, as inventory records are. */
export const MAX_ENTRIES_PAGE = 1000;

type Query = Readonly<Record<string, unknown>>;

/** `GET /api/facts-reports`: `planId`, `runId`, `status`, and paging; anything else is a 400 naming it. */
export function readFactsReportQuery(query: Query): { filters: FactsReportFilters; page: Page } {
  const errors: FieldError[] = unknownParameters(query, ['planId', 'runId', 'status', 'limit', 'offset'], 'facts reports');
  const filters = {
    planId: text(query, 'planId', errors),
    runId: text(query, 'runId', errors),
    status: oneOf(query, 'status', FACTS_REPORT_STATUSES, errors),
  };
  return { filters: definedOnly(filters, errors, 'Invalid facts report filter'), page: readPage(query as { limit?: string; offset?: string }) };
}

/** `GET /api/facts-reports/{id}/entries`: `action`, `status`, `collectorType`, `deviceId`, and paging (up to 1000). */
export function readFactsEntryQuery(query: Query): { filters: FactsEntryFilters; page: Page } {
  const errors: FieldError[] = unknownParameters(query, ['action', 'status', 'collectorType', 'deviceId', 'limit', 'offset'], 'facts report entries');
  const filters = {
    action: oneOf(query, 'action', FACTS_ENTRY_ACTIONS, errors),
    status: oneOf(query, 'status', FACTS_ENTRY_STATUSES, errors),
    collectorType: oneOf(query, 'collectorType', COLLECTOR_TYPES, errors),
    deviceId: text(query, 'deviceId', errors),
  };
  return { filters: definedOnly(filters, errors, 'Invalid facts report entry filter'), page: readPage(query as { limit?: string; offset?: string }, MAX_ENTRIES_PAGE) };
}

function unknownParameters(query: Query, known: readonly string[], what: string): FieldError[] {
  return Object.keys(query)
    .filter((parameter) => !known.includes(parameter))
    .map((field) => ({ field, message: `is not a filter of ${what}` }));
}

function text(query: Query, field: string, errors: FieldError[]): string | undefined {
  const value = query[field];
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string') return value;
  errors.push({ field, message: 'must be given once' });
  return undefined;
}

function oneOf<const T extends readonly string[]>(query: Query, field: string, allowed: T, errors: FieldError[]): T[number] | undefined {
  const value = text(query, field, errors);
  if (value === undefined || allowed.includes(value)) return value;
  errors.push({ field, message: `must be one of ${allowed.join(', ')}` });
  return undefined;
}

function definedOnly<T extends object>(filters: T, errors: readonly FieldError[], message: string): T {
  if (errors.length > 0) throw new YardError(ErrorCode.ValidationFailed, message, errors);
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as T;
}
