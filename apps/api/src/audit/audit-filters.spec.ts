import { ErrorCode, YardError } from '@yardmaster/contracts';
import { likePrefix, readAuditFilters, type AuditQuery } from './audit-filters';

function refusalOf(query: AuditQuery): YardError {
  try {
    readAuditFilters(query);
  } catch (error) {
    if (error instanceof YardError) return error;
    throw error;
  }
  throw new Error('readAuditFilters accepted the query');
}

describe('readAuditFilters', () => {
  it('reads exact and prefix actions, targets and a time range', () => {
    expect(readAuditFilters({ actor: 'ann', action: 'run.requested', targetType: 'run', targetId: 'r-1', since: '2026-03-01T00:00:00Z', until: '2026-03-02T00:00:00+01:00' })).toEqual({
      actor: 'ann',
      action: { value: 'run.requested', prefix: false },
      targetType: 'run',
      targetId: 'r-1',
      since: new Date('2026-03-01T00:00:00Z'),
      until: new Date('2026-03-01T23:00:00Z'),
    });
    expect(readAuditFilters({ action: 'schedule.' }).action).toEqual({ value: 'schedule.', prefix: true });
    expect(readAuditFilters({ action: 'identity.*' }).action).toEqual({ value: 'identity.', prefix: true });
    expect(readAuditFilters({ actor: '', action: '' })).toEqual({ since: undefined, until: undefined });
  });

  it.each([
    [{ action: 'RUN requested' }, ['action']],
    [{ action: 'run.%' }, ['action']],
    [{ targetType: 'site' }, ['targetType']],
    [{ since: 'yesterday' }, ['since']],
    [{ since: '2026-03-01' }, ['since']],
    [{ until: '2026-13-01T00:00:00Z' }, ['until']],
    [{ since: '2026-03-02T00:00:00Z', until: '2026-03-01T00:00:00Z' }, ['until']],
    [{ action: '*', targetType: 'x', since: 'x' }, ['action', 'targetType', 'since']],
  ])('refuses %p naming %p', (query, fields) => {
    const error = refusalOf(query);
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.fieldErrors?.map((fieldError) => fieldError.field)).toEqual(fields);
  });
});

describe('likePrefix', () => {
  it('keeps LIKE wildcards in an action literal', () => {
    expect(likePrefix('identity.user_')).toBe('identity.user\\_%');
  });
});
