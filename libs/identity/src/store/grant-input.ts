import { bodyFieldErrors, ErrorCode, grantObjectSchema, YardError, type FieldError, type PermissionGrant } from '@yardmaster/contracts';

/**
 * Reads a list of grants as an administrator writes it: each either a permission's name (`"runs.view_any"`) or
 * `{ "permission": "jobs.run", "jobIds": [...], "groupings": [...] }` (grantObjectSchema). Each grant's errors are
 * named by its place in the list: `permissions[2].jobIds`.
 */
export function parseGrants(input: unknown, field = 'permissions'): PermissionGrant[] {
  if (!Array.isArray(input)) throw invalid([{ field, message: 'must be a list of permissions' }]);
  const errors: FieldError[] = [];
  const grants: PermissionGrant[] = [];
  input.forEach((item, index) => {
    const at = `${field}[${index}]`;
    const entry: unknown = typeof item === 'string' ? { permission: item } : item;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      errors.push({ field: at, message: 'must be a permission name or { permission, jobIds?, groupings? }' });
      return;
    }
    const result = grantObjectSchema.safeParse(entry);
    if (!result.success) {
      for (const error of bodyFieldErrors(result.error, 'is not a field of a grant')) {
        errors.push({ field: error.field === '(body)' ? at : `${at}.${error.field}`, message: error.message });
      }
      return;
    }
    const { permission, jobIds, groupings } = result.data;
    grants.push(
      jobIds || groupings ? { permission, scope: { ...(jobIds ? { jobIds } : {}), ...(groupings ? { groupings } : {}) } } : { permission, scope: null },
    );
  });
  if (errors.length > 0) throw invalid(errors);
  return grants;
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
