import type { ActingPrincipal, JobScope, Permission, PermissionResource, RunOwners } from './permissions';

/**
 * Whether `principal` holds `permission`, about `resource` when given. Without a resource the question is
 * "may they do this to anything at all" (the check a route makes before it looks at what is asked for); with
 * one, the answer is about that job or run.
 *
 * Implications: `jobs.run` gives `jobs.view` of the jobs it covers, and seeing, following and cancelling one's
 * own runs; `runs.view_any` gives `runs.view_own`, `runs.cancel_any` gives `runs.cancel_own`. Read-only tokens
 * are the HTTP boundary's business (any write is refused there), not this function's.
 */
export function can(principal: ActingPrincipal, permission: Permission, resource?: PermissionResource): boolean {
  if (principal.isAdmin) return true;
  switch (permission) {
    case 'jobs.run':
      return mayRun(principal, resource);
    case 'jobs.view':
      return holds(principal, 'jobs.view') || mayRun(principal, resource);
    case 'runs.view_own':
      return holds(principal, 'runs.view_any') || (ownsOrAny(principal, resource) && (holds(principal, 'runs.view_own') || holds(principal, 'jobs.run')));
    case 'runs.cancel_own':
      return (
        holds(principal, 'runs.cancel_any') ||
        (ownsOrAny(principal, resource) && (holds(principal, 'runs.cancel_own') || holds(principal, 'jobs.run')))
      );
    default:
      return holds(principal, permission);
  }
}

/**
 * May see this run: any run with `runs.view_any`, else one's own with `runs.view_own` (or `jobs.run`). One's own:
 * requested by them, or acting as them (`run_as`).
 */
export function canViewRun(principal: ActingPrincipal, run: RunOwners): boolean {
  return can(principal, 'runs.view_own', { kind: 'run', requestedBy: run.requestedBy, runAs: run.runAs ?? null });
}

/** May cancel this run: any run with `runs.cancel_any`, else one's own (as for viewing) with `runs.cancel_own` (or `jobs.run`). */
export function canCancelRun(principal: ActingPrincipal, run: RunOwners): boolean {
  return can(principal, 'runs.cancel_own', { kind: 'run', requestedBy: run.requestedBy, runAs: run.runAs ?? null });
}

/**
 * The scopes of the principal's `jobs.run` grants; null when one of them covers every job (or the principal is an
 * administrator). For lists that show only the jobs one may run.
 */
export function runnableJobScopes(principal: ActingPrincipal): readonly JobScope[] | null {
  if (principal.isAdmin) return null;
  const scopes: JobScope[] = [];
  for (const grant of principal.grants) {
    if (grant.permission !== 'jobs.run') continue;
    if (!grant.scope) return null;
    scopes.push(grant.scope);
  }
  return scopes;
}

function holds(principal: ActingPrincipal, permission: Permission): boolean {
  return principal.grants.some((grant) => grant.permission === permission);
}

function mayRun(principal: ActingPrincipal, resource: PermissionResource | undefined): boolean {
  return principal.grants.some(
    (grant) => grant.permission === 'jobs.run' && (resource?.kind !== 'job' || !grant.scope || scopeCovers(grant.scope, resource.jobId, resource.grouping)),
  );
}

/** Without a run, "one's own runs" is the question: whether they hold the permission at all. */
function ownsOrAny(principal: ActingPrincipal, resource: PermissionResource | undefined): boolean {
  return resource?.kind !== 'run' || resource.requestedBy === principal.username || (resource.runAs ?? null) === principal.username;
}

export function scopeCovers(scope: JobScope, jobId: string, grouping: string): boolean {
  return (scope.jobIds ?? []).includes(jobId) || (scope.groupings ?? []).includes(grouping);
}

/**
 * The jobs the principal may see: null for the whole catalog (an administrator, `jobs.view`, or an unscoped
 * `jobs.run`), else those its scoped `jobs.run` grants cover.
 */
export function viewableJobScopes(principal: ActingPrincipal): readonly JobScope[] | null {
  return principal.isAdmin || holds(principal, 'jobs.view') ? null : runnableJobScopes(principal);
}
