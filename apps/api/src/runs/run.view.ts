import type { JobRunRecord } from '@yardmaster/read-models';

/** A run as the API shows it, with a link to its workflow in the Temporal Web UI. */
export function runView(record: JobRunRecord, temporal: { uiUrl: string; namespace: string }) {
  return {
    id: record.id,
    jobId: record.jobId,
    jobName: record.jobName,
    status: record.status,
    data: record.data,
    commit: record.commit,
    queue: record.queue,
    requestedBy: record.requestedBy,
    /** Who the run acts as (`run_as`, a schedule's owner); null for runs from before it, which act as their requester. */
    runAs: record.runAs,
    /** The schedule that started the run; null for a run someone asked for. */
    scheduleId: record.scheduleId,
    attempt: record.attempt,
    result: record.result,
    error: record.error,
    failureCount: record.failureCount,
    /** Per step: the worker that ran its latest attempt, the attempt, and when it started. */
    steps: record.steps,
    progress: record.progress,
    cancelRequestedBy: record.cancelRequestedBy,
    cancelRequestedAt: record.cancelRequestedAt?.toISOString() ?? null,
    cancelledBy: record.cancelledBy,
    createdAt: record.createdAt.toISOString(),
    startedAt: record.startedAt?.toISOString() ?? null,
    completedAt: record.completedAt?.toISOString() ?? null,
    workflowId: record.workflowId,
    temporalUrl: `${temporal.uiUrl}/namespaces/${encodeURIComponent(temporal.namespace)}/workflows/${encodeURIComponent(record.workflowId)}`,
    links: { self: `/api/runs/${record.id}`, logs: `/api/runs/${record.id}/logs` },
  };
}
