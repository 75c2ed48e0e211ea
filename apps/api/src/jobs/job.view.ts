import { applyOverrides, DEFAULT_RETRY_POLICY, type JobDefinition, type JobView } from '@yardmaster/contracts';
import type { JobDefinitionRecord } from '@yardmaster/read-models';

/** A job as the API shows it: as it runs, with an administrator's overrides applied, and the overrides themselves. */
export function jobView(record: JobDefinitionRecord): JobView {
  const announced: JobDefinition = {
    id: record.id,
    module: record.module,
    className: record.className,
    name: record.name,
    description: record.description,
    grouping: record.grouping,
    variables: record.variables,
    schema: record.schema,
    steps: record.steps,
    timeouts: record.policies.timeouts ?? {},
    retry: record.policies.retry ?? DEFAULT_RETRY_POLICY,
    concurrency: record.policies.concurrency ?? null,
    readOnly: record.policies.readOnly ?? false,
    commitDefault: record.policies.commitDefault ?? true,
  };
  const job = applyOverrides(announced, record.overrides);
  return {
    id: job.id,
    name: job.name,
    description: job.description,
    grouping: job.grouping,
    module: job.module,
    className: job.className,
    installed: record.installed,
    enabled: job.enabled,
    defaultQueue: job.defaultQueue,
    steps: job.steps,
    timeouts: job.timeouts,
    retry: job.retry,
    concurrency: job.concurrency,
    readOnly: job.readOnly,
    commitDefault: job.readOnly ? null : job.commitDefault,
    variables: job.variables,
    schema: job.schema,
    overrides: record.overrides,
    links: { runs: `/api/runs?jobId=${encodeURIComponent(job.id)}`, start: `/api/jobs/${encodeURIComponent(job.id)}/runs` },
  };
}
