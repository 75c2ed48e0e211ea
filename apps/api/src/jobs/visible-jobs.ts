import { scopeCovers, viewableJobScopes, type Principal } from '@yardmaster/contracts';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** The grouping a job runs under: an administrator's override, else the announced one. */
export const EFFECTIVE_GROUPING_SQL = "COALESCE(job.overrides->>'grouping', job.grouping)";

/**
 * Narrows a query to the jobs the principal may see, in SQL so that a list and its total agree. Someone whose only
 * right is running some jobs sees just those. The query reads `job_definitions` as `job` (joined, for a query of
 * something that belongs to a job); `jobIdSql` names the job id, which is all there is when the job is not in
 * the catalog (a schedule of a job no collector announced is seen by job id only).
 */
export function onlyVisibleJobs<T extends ObjectLiteral>(builder: SelectQueryBuilder<T>, principal: Principal, jobIdSql = 'job.id'): SelectQueryBuilder<T> {
  const scopes = viewableJobScopes(principal);
  if (scopes === null) return builder;
  const jobIds = scopes.flatMap((scope) => scope.jobIds ?? []);
  const groupings = scopes.flatMap((scope) => scope.groupings ?? []);
  return builder.andWhere(`(${jobIdSql} = ANY(:visibleJobIds) OR ${EFFECTIVE_GROUPING_SQL} = ANY(:visibleGroupings))`, {
    visibleJobIds: jobIds,
    visibleGroupings: groupings,
  });
}

/** Whether the principal may see this one job (its grouping as it runs). */
export function isVisibleJob(principal: Principal, jobId: string, grouping: string): boolean {
  const scopes = viewableJobScopes(principal);
  return scopes === null || scopes.some((scope) => scopeCovers(scope, jobId, grouping));
}
