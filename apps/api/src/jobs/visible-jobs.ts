import { scopeCovers, viewableJobScopes, type Principal } from '@yardmaster/contracts';
import type { SelectQueryBuilder } from 'typeorm';
import type { JobDefinitionRecord } from '@yardmaster/read-models';

/** The grouping a job runs under: an administrator's override, else the announced one. */
export const EFFECTIVE_GROUPING_SQL = "COALESCE(job.overrides->>'grouping', job.grouping)";

/**
 * Narrows a query of `job_definitions` (aliased `job`) to the jobs the principal may see, so that a list and its
 * total agree. Someone whose only right is running some jobs sees just those.
 */
export function onlyVisibleJobs(builder: SelectQueryBuilder<JobDefinitionRecord>, principal: Principal): SelectQueryBuilder<JobDefinitionRecord> {
  const scopes = viewableJobScopes(principal);
  if (scopes === null) return builder;
  const jobIds = scopes.flatMap((scope) => scope.jobIds ?? []);
  const groupings = scopes.flatMap((scope) => scope.groupings ?? []);
  return builder.andWhere(`(job.id = ANY(:visibleJobIds) OR ${EFFECTIVE_GROUPING_SQL} = ANY(:visibleGroupings))`, {
    visibleJobIds: jobIds,
    visibleGroupings: groupings,
  });
}

/** Whether the principal may see this one job (its grouping as it runs). */
export function isVisibleJob(principal: Principal, jobId: string, grouping: string): boolean {
  const scopes = viewableJobScopes(principal);
  return scopes === null || scopes.some((scope) => scopeCovers(scope, jobId, grouping));
}
