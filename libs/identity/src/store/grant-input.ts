import { ErrorCode, isPermission, PERMISSIONS, YardError, type FieldError, type PermissionGrant } from '@yardmaster/contracts';

/**
 * Reads a list of grants as an administrator writes it: each either a permission's name (`"runs.view_any"`) or
 * `{ "permission": "jobs.run", "jobIds": [...], "groupings": [...] }`. Only `jobs.run` takes job ids or groupings;
 * without them it covers every job.
 */
export function parseGrants(input: unknown, field = 'permissions'): PermissionGrant[] {
  if (!Array.isArray(input)) throw invalid([{ field, message: 'must be a list of permissions' }]);
  const errors: FieldError[] = [];
  const grants: PermissionGrant[] = [];
  input.forEach((item, index) => {
    const at = `${field}[${index}]`;
    const entry = typeof item === 'string' ? { permission: item } : item;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      errors.push({ field: at, message: 'must be a permission name or { permission, jobIds?, groupings? }' });
      return;
    }
    const { permission, jobIds, groupings, ...rest } = entry as Record<string, unknown>;
    for (const unknownField of Object.keys(rest)) errors.push({ field: `${at}.${unknownField}`, message: 'is not a field of a grant' });
    if (!isPermission(permission)) {
      errors.push({ field: `${at}.permission`, message: `must be one of ${PERMISSIONS.join(', ')}` });
      return;
    }
    const ids = readNames(jobIds, `${at}.jobIds`, errors);
    const names = readNames(groupings, `${at}.groupings`, errors);
    if ((ids || names) && permission !== 'jobs.run') {
      errors.push({ field: at, message: 'only jobs.run can be limited to job ids or groupings' });
      return;
    }
    if ((ids?.length ?? 0) + (names?.length ?? 0) === 0 && (ids || names)) {
      errors.push({ field: at, message: 'name at least one job id or grouping, or leave both out for every job' });
      return;
    }
    grants.push(ids || names ? { permission, scope: { ...(ids ? { jobIds: ids } : {}), ...(names ? { groupings: names } : {}) } } : { permission, scope: null });
  });
  if (errors.length > 0) throw invalid(errors);
  return grants;
}

function readNames(value: unknown, field: string, errors: FieldError[]): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item.trim() !== '')) {
    errors.push({ field, message: 'must be a list of non-empty strings' });
    return undefined;
  }
  return [...new Set(value as string[])];
}

function invalid(errors: FieldError[]): YardError {
  return new YardError(ErrorCode.ValidationFailed, 'The permissions are invalid', errors);
}

/** A grant as the API shows it: `{ permission, jobIds?, groupings? }`. */
export function grantView(grant: PermissionGrant): { permission: string; jobIds?: string[]; groupings?: string[] } {
  return {
    permission: grant.permission,
    ...(grant.scope?.jobIds ? { jobIds: [...grant.scope.jobIds] } : {}),
    ...(grant.scope?.groupings ? { groupings: [...grant.scope.groupings] } : {}),
  };
}
