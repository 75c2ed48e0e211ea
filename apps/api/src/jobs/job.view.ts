import type { JobDefinitionRecord } from '@yardmaster/read-models';

/** A job as the API shows it. */
export function jobView(record: JobDefinitionRecord) {
  return {
    id: record.id,
    name: record.name,
    description: record.description,
    grouping: record.grouping,
    module: record.module,
    className: record.className,
    installed: record.installed,
    steps: record.steps,
    variables: record.variables,
    schema: record.schema,
    links: { runs: `/api/jobs/${encodeURIComponent(record.id)}/runs` },
  };
}
