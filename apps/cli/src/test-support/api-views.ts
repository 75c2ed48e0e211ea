import {
  DEFAULT_RETRY_POLICY,
  type AuditEntryView,
  type CancelRunAccepted,
  type CollectionPlanView,
  type JobView,
  type LogEntryView,
  type MeView,
  type Page,
  type ParkedEventView,
  type RunView,
  type ScheduleView,
  type StartRunAccepted,
} from '@yardmaster/contracts';

/**
 * Whole views, as the API sends them, for the CLI's fake APIs: the CLI checks every answer against its view's
 * contract, so a partial fixture would test the check instead of the command. Each test states only what it is about.
 */

const AT = '2025-01-01T10:00:00.000Z';

export function jobView(fields: Partial<JobView> = {}): JobView {
  const id = fields.id ?? 'examples.HelloWorld';
  return {
    id,
    name: 'Hello World',
    description: '',
    grouping: 'Examples',
    module: 'examples',
    className: 'HelloWorld',
    installed: true,
    enabled: true,
    defaultQueue: 'default',
    steps: ['run'],
    timeouts: {},
    retry: DEFAULT_RETRY_POLICY,
    concurrency: null,
    readOnly: false,
    commitDefault: true,
    variables: [],
    schema: { type: 'object', properties: {} },
    overrides: {},
    links: { runs: `/api/runs?jobId=${id}`, start: `/api/jobs/${id}/runs` },
    ...fields,
  };
}

export function runView(fields: Partial<RunView> = {}): RunView {
  const id = fields.id ?? '0b6f3b7e-1d6c-4e4e-9d35-5f3c1c6f4a11';
  return {
    id,
    jobId: 'examples.HelloWorld',
    jobName: 'Hello World',
    status: 'queued',
    data: {},
    commit: true,
    queue: 'default',
    requestedBy: 'anonymous',
    runAs: 'anonymous',
    scheduleId: null,
    attempt: 1,
    result: null,
    error: null,
    failureCount: 0,
    steps: {},
    progress: null,
    cancelRequestedBy: null,
    cancelRequestedAt: null,
    cancelledBy: null,
    createdAt: AT,
    startedAt: null,
    completedAt: null,
    workflowId: `run-${id}`,
    temporalUrl: `http://temporal.test/run-${id}`,
    links: { self: `/api/runs/${id}`, logs: `/api/runs/${id}/logs` },
    ...fields,
  };
}

export function startRunAccepted(fields: Partial<StartRunAccepted> = {}): StartRunAccepted {
  const runId = fields.runId ?? '0b6f3b7e-1d6c-4e4e-9d35-5f3c1c6f4a11';
  return {
    runId,
    jobId: 'examples.HelloWorld',
    workflowId: `run-${runId}`,
    status: 'queued',
    data: {},
    commit: true,
    queue: 'default',
    requestedBy: 'anonymous',
    runAs: 'anonymous',
    requestedAt: AT,
    runTimeoutSeconds: 1800,
    ...fields,
  };
}

export function cancelRunAccepted(fields: Partial<CancelRunAccepted> = {}): CancelRunAccepted {
  return { runId: '0b6f3b7e-1d6c-4e4e-9d35-5f3c1c6f4a11', cancelRequestedBy: 'anonymous', cancelRequestedAt: AT, confirmed: true, ...fields };
}

export function scheduleView(fields: Partial<ScheduleView> = {}): ScheduleView {
  const id = fields.id ?? 'sch-1';
  return {
    id,
    key: 'nightly',
    jobId: 'examples.HelloWorld',
    data: {},
    commit: true,
    queue: 'default',
    runTimeoutSeconds: null,
    timing: { intervalMinutes: 60 },
    startAt: null,
    endAt: null,
    overlap: 'skip',
    catchupWindowSeconds: 60,
    owner: 'anonymous',
    state: 'active',
    pausedReason: null,
    nextRunTimes: [],
    lastRun: null,
    totalRuns: 0,
    createdAt: AT,
    updatedAt: AT,
    links: { self: `/api/schedules/${id}`, runs: `/api/runs?scheduleId=${id}` },
    ...fields,
  };
}

export function logEntryView(fields: Partial<LogEntryView> = {}): LogEntryView {
  return { id: '0', position: 0, level: 'info', grouping: 'run', message: '', object: null, attempt: 1, loggedAt: AT, ...fields };
}

export function meView(fields: Partial<MeView> = {}): MeView {
  return { username: 'anonymous', displayName: 'Anonymous', admin: false, readOnly: false, tokenId: null, permissions: [], ...fields };
}

export function parkedEventView(fields: Partial<ParkedEventView> = {}): ParkedEventView {
  return {
    id: 1,
    stream: 'YARD_RUNS',
    subject: 'yard.run.r1.started',
    sequence: 1,
    consumer: 'yard_projection',
    reason: '',
    errorCode: null,
    deliveries: 1,
    parkedAt: AT,
    eventType: null,
    runId: null,
    ...fields,
  };
}

export function auditEntryView(fields: Partial<AuditEntryView> = {}): AuditEntryView {
  return { id: 'e1', occurredAt: AT, actor: 'anonymous', action: 'run.requested', targetType: 'run', targetId: 'r1', summary: '', correlationId: null, details: {}, ...fields };
}

/** A whole listing on one page, or the page a test names. */
export function pageOf<T>(items: T[], fields: Partial<Page<T>> = {}): Page<T> {
  return { items, total: items.length, limit: 500, offset: 0, ...fields };
}

export function collectionPlanView(fields: Partial<CollectionPlanView> = {}): CollectionPlanView {
  return {
    id: '7c1e2a44-5b1f-4d0e-8a55-2f9b6c3d1e70',
    name: 'Core switches',
    description: '',
    enabled: true,
    priority: 'default',
    runAs: null,
    collectorTypes: ['facts', 'interfaces'],
    credentialsRef: null,
    connectionTarget: 'primary',
    protocol: 'snmp',
    filter: {},
    intervalMinutes: null,
    detectOnly: true,
    deviceTimeoutSeconds: 60,
    runTimeoutSeconds: 1800,
    devicesAtOnce: 16,
    deviceRetry: { maximumAttempts: 2, initialIntervalSeconds: 5 },
    status: 'new',
    lastRunId: null,
    scheduleId: null,
    createdBy: 'ann',
    createdAt: AT,
    updatedAt: AT,
    ...fields,
  };
}
