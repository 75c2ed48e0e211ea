import { newEvent, type FactsEvent, type IdentityEvent, type JobOverridden, type RunEvent, type ScheduleChanged, type ScheduleChangedData } from '@yardmaster/contracts';
import { catalogAuditEntry } from './catalog-audit';
import { factsAuditEntry, isFactsEventNeverAudited } from './facts-audit';
import { identityAuditEntry } from './identity-audit';
import { runAuditEntry } from './run-audit';
import { scheduleAuditEntry } from './schedule-audit';

const RUN_ID = '5f0c7a1e-0000-4000-8000-000000000001';

function event<T extends { type: string; data: unknown }>(type: T['type'], data: T['data'], actor = 'ann', aggregateId = RUN_ID): T {
  return newEvent({ id: `${aggregateId}:${type}`, type, occurredAt: '2026-03-01T10:00:00.000Z', aggregateId, sequence: 1, correlationId: 'corr-1', actor, data }) as unknown as T;
}

function requested(extra: Record<string, unknown> = {}): RunEvent {
  return event<RunEvent>('run.requested', {
    jobId: 'examples.HelloWorld',
    jobName: 'Hello World',
    data: { password: '********', name: 'yard' },
    commit: true,
    queue: 'default',
    requestedBy: 'ann',
    workflowId: `run-${RUN_ID}`,
    requestedAt: '2026-03-01T10:00:00.000Z',
    ...extra,
  } as RunEvent['data']);
}

describe('runAuditEntry', () => {
  it('records a run someone asked for, without its data', () => {
    const entry = runAuditEntry(requested({ runAs: 'svc-backup' }));
    expect(entry).toEqual({
      eventId: `${RUN_ID}:run.requested`,
      occurredAt: '2026-03-01T10:00:00.000Z',
      actor: 'ann',
      action: 'run.requested',
      targetType: 'run',
      targetId: RUN_ID,
      summary: `ran examples.HelloWorld (run ${RUN_ID})`,
      correlationId: 'corr-1',
      details: { jobId: 'examples.HelloWorld', queue: 'default', commit: true, runAs: 'svc-backup' },
    });
    expect(JSON.stringify(entry)).not.toContain('password');
  });

  it('leaves out the runs a schedule started, and what services did', () => {
    expect(runAuditEntry(requested({ scheduleId: 'sched-1' }))).toBeNull();
    expect(runAuditEntry(event<RunEvent>('run.requested', requested().data, 'schedule:sched-1'))).toBeNull();
    expect(runAuditEntry(event<RunEvent>('run.log', { level: 'info', grouping: 'run', message: 'hi', object: null, attempt: 1, loggedAt: '' } as RunEvent['data']))).toBeNull();
    expect(runAuditEntry(event<RunEvent>('run.progress', { total: 2, done: 1, failed: 0 } as RunEvent['data']))).toBeNull();
  });

  it('records a cancel by the one who asked, and one done in Temporal, but not the cancel that followed a request', () => {
    expect(runAuditEntry(event<RunEvent>('run.cancel_requested', { by: 'bob' } as RunEvent['data'], 'bob'))).toMatchObject({
      actor: 'bob',
      action: 'run.cancel_requested',
      summary: `cancelled run ${RUN_ID}`,
    });
    const inTemporal = { result: null, cancelledBy: 'temporal', step: null, reason: 'terminated in Temporal' } as RunEvent['data'];
    expect(runAuditEntry(event<RunEvent>('run.cancelled', inTemporal, 'system:scheduler'))).toMatchObject({
      actor: 'temporal',
      action: 'run.cancelled',
      summary: `cancelled run ${RUN_ID}: terminated in Temporal`,
    });
    expect(runAuditEntry(event<RunEvent>('run.cancelled', { result: null, cancelledBy: 'bob', step: 'run' } as RunEvent['data'], 'bob'))).toBeNull();
  });
});

describe('scheduleAuditEntry', () => {
  const snapshot = (change: ScheduleChangedData['change'], pausedReason: string | null = null): ScheduleChangedData => ({
    scheduleId: 'sch-1',
    definition: {
      key: 'nightly-backup',
      jobId: 'examples.Backup',
      data: {},
      commit: true,
      queue: 'default',
      runTimeoutSeconds: null,
      timing: { kind: 'interval', everyMinutes: 60 },
      startAt: null,
      endAt: null,
      overlap: 'skip',
      catchupWindowSeconds: 60,
    },
    state: pausedReason ? 'paused' : 'active',
    pausedReason,
    nextRunTimes: [],
    deleted: change === 'deleted',
    observedAt: '2026-03-01T10:00:00.000Z',
    ...(change ? { change } : {}),
  });

  it.each([
    ['created', null, 'created schedule nightly-backup for examples.Backup'],
    ['updated', null, 'changed schedule nightly-backup'],
    ['paused', 'maintenance', 'paused schedule nightly-backup: maintenance'],
    ['resumed', null, 'resumed schedule nightly-backup'],
    ['triggered', null, 'triggered schedule nightly-backup'],
    ['deleted', null, 'deleted schedule nightly-backup'],
  ] as const)('names a %s schedule as schedule.%s', (change, reason, summary) => {
    const entry = scheduleAuditEntry(event<ScheduleChanged>('schedule.changed', snapshot(change, reason), 'ann', 'sch-1'));
    expect(entry).toMatchObject({ action: `schedule.${change}`, actor: 'ann', targetType: 'schedule', targetId: 'sch-1', summary });
  });

  it('leaves out what the scheduler published on its own and a create that changed nothing', () => {
    expect(scheduleAuditEntry(event<ScheduleChanged>('schedule.changed', snapshot(undefined, 'job x is disabled'), 'system:scheduler', 'sch-1'))).toBeNull();
    expect(scheduleAuditEntry(event<ScheduleChanged>('schedule.changed', snapshot('unchanged'), 'ann', 'sch-1'))).toBeNull();
  });
});

describe('catalogAuditEntry', () => {
  it('says what an override set, and when it cleared them', () => {
    const overridden = event<JobOverridden>('catalog.job_overridden', { jobId: 'examples.HelloWorld', overrides: { enabled: false, queue: 'fast' } }, 'ann', 'examples.HelloWorld');
    expect(catalogAuditEntry(overridden)).toMatchObject({ targetType: 'job', targetId: 'examples.HelloWorld', summary: 'overrode examples.HelloWorld: enabled false, queue "fast"' });
    const cleared = event<JobOverridden>('catalog.job_overridden', { jobId: 'examples.HelloWorld', overrides: {} }, 'ann', 'examples.HelloWorld');
    expect(catalogAuditEntry(cleared)?.summary).toBe('cleared the overrides of examples.HelloWorld');
  });
});

describe('identityAuditEntry', () => {
  const user = { username: 'ann', displayName: 'Ann', active: true, admin: false, groups: [] as string[] };

  it.each<[IdentityEvent, Partial<ReturnType<typeof identityAuditEntry>>]>([
    [event<IdentityEvent>('identity.user_created', { ...user, groups: ['ops'] }, 'admin'), { targetType: 'user', targetId: 'ann', summary: 'created user ann (groups ops)' }],
    [event<IdentityEvent>('identity.user_updated', { ...user, active: false, changed: ['active'] }, 'admin'), { summary: 'deactivated user ann' }],
    [event<IdentityEvent>('identity.user_updated', { ...user, admin: true, groups: ['ops'], changed: ['admin', 'groups'] }, 'admin'), { summary: 'changed user ann: made an administrator, groups ops' }],
    [event<IdentityEvent>('identity.user_deleted', { username: 'ann' }, 'admin'), { summary: 'deleted user ann' }],
    [event<IdentityEvent>('identity.group_created', { name: 'ops', description: '' }, 'admin'), { targetType: 'group', targetId: 'ops', summary: 'created group ops' }],
    [
      event<IdentityEvent>('identity.permissions_replaced', { holderType: 'group', holder: 'ops', permissions: [{ permission: 'jobs.run', groupings: ['Examples'] }, { permission: 'runs.view_any' }] }, 'admin'),
      { targetType: 'group', targetId: 'ops', summary: 'set the permissions of group ops: jobs.run (groupings Examples), runs.view_any' },
    ],
    [event<IdentityEvent>('identity.permissions_replaced', { holderType: 'user', holder: 'ann', permissions: [] }, 'admin'), { summary: 'removed every permission of user ann' }],
    [
      event<IdentityEvent>('identity.token_created', { username: 'ann', tokenId: 't-1', name: 'laptop', prefix: 'yard_AbCdEfGh', readOnly: true, expiresAt: null }, 'admin'),
      { targetType: 'token', targetId: 't-1', summary: 'issued token "laptop" (yard_AbCdEfGh…) to ann, read-only' },
    ],
    [
      event<IdentityEvent>('identity.token_revoked', { username: 'ann', tokenId: 't-1', name: 'laptop', prefix: 'yard_AbCdEfGh', readOnly: true, expiresAt: null }, 'ann'),
      { actor: 'ann', action: 'identity.token_revoked', summary: 'revoked token "laptop" (yard_AbCdEfGh…) of ann' },
    ],
    [
      event<IdentityEvent>(
        'identity.credential_set_created',
        { credentialSetId: 'c-1', name: 'core-v3', kind: 'snmp_v3', settings: { username: 'monitor', securityLevel: 'authPriv' }, secretsSet: ['authKey', 'privKey'] },
        'admin',
      ),
      { targetType: 'credential-set', targetId: 'c-1', summary: 'created credential set core-v3 (snmp_v3)' },
    ],
    [
      event<IdentityEvent>('identity.credential_set_updated', { credentialSetId: 'c-1', name: 'core-v3', kind: 'snmp_v3', settings: {}, secretsSet: ['authKey'], changed: ['authKey', 'securityLevel'] }, 'ann'),
      { actor: 'ann', summary: 'changed credential set core-v3: authKey, securityLevel' },
    ],
    [event<IdentityEvent>('identity.credential_set_deleted', { credentialSetId: 'c-1', name: 'core-v3' }, 'admin'), { targetType: 'credential-set', summary: 'deleted credential set core-v3' }],
    [
      event<IdentityEvent>('identity.device_host_key_forgotten', { deviceId: 'd-1', deviceName: 'edge1', forgotten: { algorithm: 'ssh-rsa', fingerprint: 'SHA256:abc', recordedAt: '2026-12-01T00:00:00.000Z' } }, 'ann'),
      { actor: 'ann', targetType: 'device', targetId: 'd-1', summary: 'forgot the SSH host key of device edge1 (ssh-rsa SHA256:abc)' },
    ],
    [event<IdentityEvent>('identity.device_host_key_forgotten', { deviceId: 'd-1', deviceName: 'edge1', forgotten: null }, 'ann'), { summary: 'forgot the SSH host key of device edge1 (none was pinned)' }],
  ])('records %#', (identityEvent, expected) => {
    expect(identityAuditEntry(identityEvent)).toMatchObject(expected as object);
  });

  it('refuses an event type it does not know, so it is redelivered to a newer audit', () => {
    expect(() => identityAuditEntry(event<IdentityEvent>('identity.something_new' as IdentityEvent['type'], { username: 'ann' } as IdentityEvent['data']))).toThrow(/Unknown identity event type/);
  });
});

describe('factsAuditEntry', () => {
  const resolved = (actor: string) =>
    event<FactsEvent>(
      'facts.entries_resolved',
      {
        resolvedBy: actor,
        resolvedAt: '2026-03-01T10:00:00.000Z',
        entries: [
          { id: 'e1', status: 'applied', error: null, objectId: 'o1' },
          { id: 'e2', status: 'applied', error: null, objectId: 'o2' },
          { id: 'e3', status: 'failed', error: { code: 'INVENTORY_CONFLICT', message: 'taken' }, objectId: null },
        ],
      } as FactsEvent['data'],
      actor,
    );

  it('records entries a person resolved, with how many ended each way', () => {
    expect(factsAuditEntry(resolved('ann'))).toMatchObject({
      actor: 'ann',
      action: 'facts.entries_resolved',
      targetType: 'facts-report',
      targetId: RUN_ID,
      summary: `applied 2, failed 1 entries of facts report ${RUN_ID}`,
      details: { applied: 2, skipped: 0, failed: 1 },
    });
  });

  it('leaves out what a run applied on its own, and what it collected', () => {
    expect(factsAuditEntry(resolved('system:collector'))).toBeNull();
    expect(isFactsEventNeverAudited('yard.facts.r1.entries_detected')).toBe(true);
    expect(isFactsEventNeverAudited('yard.facts.r1.entries_resolved')).toBe(false);
  });
});
