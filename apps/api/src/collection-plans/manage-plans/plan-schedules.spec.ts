import type { StoredCollectionPlan } from '@yardmaster/inventory';
import { planScheduleKey, planScheduleRequest } from './plan-schedules';

const PLAN: StoredCollectionPlan = {
  id: '0f5a3c1e-8d2b-4c6e-9a7f-1b2c3d4e5f60',
  name: 'Core',
  description: '',
  enabled: true,
  priority: 'high',
  runAs: null,
  collectorTypes: ['facts', 'lldp'],
  credentialsRef: 'core-snmp',
  connectionTarget: 'oob_then_primary', protocol: 'snmp',
  filter: { sites: ['s-1'] },
  intervalMinutes: 30,
  detectOnly: false,
  deviceTimeoutSeconds: 20,
  runTimeoutSeconds: 900,
  devicesAtOnce: 8,
  deviceRetry: { maximumAttempts: 3, initialIntervalSeconds: 2 },
  lastRunId: null,
  scheduleId: null,
  createdBy: 'ann',
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

describe("a plan's schedule", () => {
  it('runs the collection job every intervalMinutes with the plan snapshot, on the priority queue, skipping overlaps, owned by the creator', () => {
    expect(planScheduleRequest(PLAN)).toEqual({
      key: planScheduleKey(PLAN.id),
      jobId: 'collection.CollectFacts',
      data: {
        plan: {
          planId: PLAN.id,
          planName: 'Core',
          collectorTypes: ['facts', 'lldp'],
          filter: { sites: ['s-1'] },
          credentialsRef: 'core-snmp',
          connectionTarget: 'oob_then_primary', protocol: 'snmp',
          detectOnly: false,
          deviceTimeoutSeconds: 20,
          devicesAtOnce: 8,
          deviceRetry: { maximumAttempts: 3, initialIntervalSeconds: 2 },
        },
      },
      queue: 'high',
      runTimeoutSeconds: 900,
      intervalMinutes: 30,
      overlap: 'skip',
      runAs: 'ann',
    });
  });

  it('is owned by runAs when the plan names someone', () => {
    expect(planScheduleRequest({ ...PLAN, runAs: 'svc-collector' })?.runAs).toBe('svc-collector');
  });

  it('is none for a disabled plan or one without an interval', () => {
    expect(planScheduleRequest({ ...PLAN, enabled: false })).toBeNull();
    expect(planScheduleRequest({ ...PLAN, intervalMinutes: null })).toBeNull();
  });
});
