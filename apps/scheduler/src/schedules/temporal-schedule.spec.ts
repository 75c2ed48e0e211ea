import { ScheduleOverlapPolicy, type ScheduleDescription } from '@temporalio/client';
import type { ScheduleDefinition } from '@yardmaster/contracts';
import { definitionOf, sameDefinition, snapshotOf, temporalScheduleOptions } from './temporal-schedule';

const base: ScheduleDefinition = {
  key: 'k',
  jobId: 'examples.HelloWorld',
  data: { name: 'x' },
  commit: true,
  queue: 'low',
  runTimeoutSeconds: null,
  timing: { kind: 'interval', everyMinutes: 5 },
  startAt: null,
  endAt: null,
  overlap: 'buffer_one',
  catchupWindowSeconds: 300,
};

describe('temporalScheduleOptions', () => {
  it('names the schedule after the instance and id, and fires the scheduled-run workflow on the run queue', () => {
    const options = temporalScheduleOptions('yard', 'sch-1', base);
    expect(options.scheduleId).toBe('yard-sch-1');
    expect(options.spec).toEqual({ intervals: [{ every: '5m' }] });
    expect(options.action).toMatchObject({ type: 'startWorkflow', workflowType: 'scheduledRunWorkflow', taskQueue: 'yard-runs-default', args: [{ scheduleId: 'sch-1', definition: base }] });
    expect(options.policies).toMatchObject({ overlap: ScheduleOverlapPolicy.BUFFER_ONE, catchupWindow: '300s' });
  });

  it('shows the job and the key in the Temporal Web UI: memo, YardJobId on the schedule and its firings, a summary', () => {
    const options = temporalScheduleOptions('yard', 'sch-1', base);
    expect(options.memo).toEqual({ job: 'examples.HelloWorld', key: 'k' });
    expect(options.typedSearchAttributes).toEqual([{ key: expect.objectContaining({ name: 'YardJobId', type: 'KEYWORD' }), value: 'examples.HelloWorld' }]);
    expect(options.action).toMatchObject({
      staticSummary: 'Schedule k: a run of examples.HelloWorld',
      typedSearchAttributes: [{ key: expect.objectContaining({ name: 'YardJobId' }), value: 'examples.HelloWorld' }],
    });
  });

  it('turns a single time into a one-shot calendar in UTC', () => {
    const options = temporalScheduleOptions('yard', 'sch-1', { ...base, timing: { kind: 'at', at: '2027-03-04T05:06:07.000Z' } });
    expect(options.spec.calendars).toEqual([{ year: 2027, month: 'MARCH', dayOfMonth: 4, hour: 5, minute: 6, second: 7 }]);
    expect(options.state).toEqual({ remainingActions: 1 });
  });

  it('carries cron and time zone, and the window', () => {
    const options = temporalScheduleOptions('yard', 'sch-1', {
      ...base,
      timing: { kind: 'cron', cron: '0 2 * * *', timezone: 'Europe/Paris' },
      startAt: '2027-01-01T00:00:00.000Z',
      endAt: '2028-01-01T00:00:00.000Z',
    });
    expect(options.spec).toEqual({ cronExpressions: ['0 2 * * *'], timezone: 'Europe/Paris', startAt: new Date('2027-01-01T00:00:00Z'), endAt: new Date('2028-01-01T00:00:00Z') });
  });
});

describe('definitions and snapshots', () => {
  const description = (paused: boolean) =>
    ({
      action: { type: 'startWorkflow', args: [{ scheduleId: 'sch-1', definition: base }] },
      state: { paused, note: paused ? 'maintenance' : 'resumed by x' },
      info: { nextActionTimes: [new Date('2027-01-01T00:05:00Z')] },
    }) as unknown as ScheduleDescription;

  it('reads the definition back from the action', () => {
    expect(definitionOf(description(false))).toEqual(base);
  });

  it('compares definitions by content, not key order', () => {
    const reordered = Object.fromEntries(Object.entries(base).reverse()) as unknown as ScheduleDefinition;
    expect(sameDefinition(base, reordered)).toBe(true);
    expect(sameDefinition(base, { ...base, data: { name: 'y' } })).toBe(false);
  });

  it('shows a paused schedule with its reason and no next times', () => {
    expect(snapshotOf('sch-1', description(true))).toMatchObject({ state: 'paused', pausedReason: 'maintenance', nextRunTimes: [] });
    expect(snapshotOf('sch-1', description(false))).toMatchObject({ state: 'active', pausedReason: null, nextRunTimes: ['2027-01-01T00:05:00.000Z'] });
  });
});
