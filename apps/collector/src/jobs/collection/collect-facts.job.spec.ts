import { COLLECT_FACTS_JOB_ID, DEFAULT_DEVICE_RETRY, type PlanSettings } from '@yardmaster/contracts';
import { JobRegistry } from '@yardmaster/job-sdk';
import { BUILTIN_JOB_MODULES } from '../builtin-job-modules';
import { parsePlanRunData } from '../../collection/plan-run-data';

const PLAN: PlanSettings = {
  planId: 'plan-1',
  planName: 'Core switches',
  collectorTypes: ['interfaces', 'lldp'],
  filter: { sites: ['site-1'] },
  credentialsRef: null,
  connectionTarget: 'primary_then_oob', protocol: 'snmp',
  detectOnly: true,
  deviceTimeoutSeconds: 30,
  devicesAtOnce: 4,
  deviceRetry: DEFAULT_DEVICE_RETRY,
};

describe(COLLECT_FACTS_JOB_ID, () => {
  const registered = new JobRegistry(BUILTIN_JOB_MODULES).find(COLLECT_FACTS_JOB_ID);

  it('is a built-in, read-only job whose variables are the plan snapshot and the optional device ids', () => {
    expect(registered?.definition).toMatchObject({
      id: COLLECT_FACTS_JOB_ID,
      readOnly: true,
      variables: [
        { name: 'plan', type: 'json', required: true },
        { name: 'deviceIds', type: 'json', required: false },
      ],
    });
  });

  it('reads a plan snapshot with or without device ids', () => {
    expect(parsePlanRunData({ plan: PLAN })).toEqual({ plan: PLAN });
    expect(parsePlanRunData({ plan: PLAN, deviceIds: ['d-1'] })).toEqual({ plan: PLAN, deviceIds: ['d-1'] });
  });

  it('reads a snapshot taken before plans had a connection target as primary', () => {
    const { connectionTarget: _connectionTarget, ...older } = PLAN;
    expect(parsePlanRunData({ plan: older }).plan.connectionTarget).toBe('primary');
    expect(() => parsePlanRunData({ plan: { ...PLAN, connectionTarget: 'console' } })).toThrow(/plan\.connectionTarget/);
  });

  it('refuses data that is not a plan snapshot with a message naming the fields', () => {
    expect(() => parsePlanRunData({ plan: { ...PLAN, devicesAtOnce: 0 } })).toThrow(/plan\.devicesAtOnce/);
    expect(() => parsePlanRunData({ plan: { ...PLAN, collectorTypes: ['telnet'] } })).toThrow(/not a collection plan snapshot/);
    expect(() => parsePlanRunData('plan')).toThrow(expect.objectContaining({ name: 'InvalidPlanRunData' }));
  });
});
