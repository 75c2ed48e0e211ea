import { ErrorCode, YardError, type FieldError } from '@yardmaster/contracts';

/** What the audit records actions on. */
export const AUDIT_TARGET_TYPES = ['run', 'schedule', 'job', 'user', 'group', 'token', 'credential-set', 'parked-event', 'facts-report', 'device', 'read-models'] as const;

export interface AuditFilters {
  readonly actor?: string;
  /** An exact action, or with `prefix` every action that starts with it (`schedule.`). */
  readonly action?: { readonly value: string; readonly prefix: boolean };
  readonly targetType?: string;
  readonly targetId?: string;
  readonly since?: Date;
  readonly until?: Date;
}

export type AuditQuery = Partial<Record<'actor' | 'action' | 'targetType' | 'targetId' | 'since' | 'until', string>>;

// Actions are event types: lowercase words joined by dots. `schedule.` or `schedule.*` asks for a prefix.
const ACTION = /^[a-z][a-z_]*(\.[a-z_]+)*(\.\*?)?$/;
// A date and a time with a zone: a bare date or a local time would mean different instants on different machines.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Reads the audit's filters from a query string; every bad one is named in one 400. */
export function readAuditFilters(query: AuditQuery): AuditFilters {
  const errors: FieldError[] = [];
  const filters: { -readonly [K in keyof AuditFilters]: AuditFilters[K] } = {};
  if (query.actor !== undefined && query.actor !== '') filters.actor = query.actor;
  if (query.action !== undefined && query.action !== '') {
    if (ACTION.test(query.action)) {
      const prefix = query.action.endsWith('.') || query.action.endsWith('.*');
      filters.action = { value: prefix ? query.action.replace(/\*$/, '') : query.action, prefix };
    } else errors.push({ field: 'action', message: 'must be an action such as run.requested, or a prefix such as schedule. (or schedule.*)' });
  }
  if (query.targetType !== undefined && query.targetType !== '') {
    if ((AUDIT_TARGET_TYPES as readonly string[]).includes(query.targetType)) filters.targetType = query.targetType;
    else errors.push({ field: 'targetType', message: `must be one of ${AUDIT_TARGET_TYPES.join(', ')}` });
  }
  if (query.targetId !== undefined && query.targetId !== '') filters.targetId = query.targetId;
  filters.since = readInstant(query.since, 'since', errors);
  filters.until = readInstant(query.until, 'until', errors);
  if (filters.since && filters.until && filters.since > filters.until) errors.push({ field: 'until', message: 'must not be before since' });
  if (errors.length > 0) throw new YardError(ErrorCode.ValidationFailed, 'Invalid audit filter', errors);
  return filters;
}

function readInstant(raw: string | undefined, field: string, errors: FieldError[]): Date | undefined {
  if (raw === undefined || raw === '') return undefined;
  const instant = new Date(raw);
  if (INSTANT.test(raw) && !Number.isNaN(instant.getTime())) return instant;
  errors.push({ field, message: 'must be an ISO 8601 date and time with a zone, e.g. 2026-01-31T08:00:00Z' });
  return undefined;
}

/** `action LIKE` escapes: `_` and `%` are wildcards to LIKE, and `_` is common in actions. */
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
