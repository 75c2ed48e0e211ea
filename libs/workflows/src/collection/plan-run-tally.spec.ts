import { PlanRunTally } from './plan-run-tally';

describe('PlanRunTally', () => {
  it('counts collected and failed devices as done, and sums entries by action into the run’s result', () => {
    const tally = new PlanRunTally('run-1', 3);
    expect(tally.progress()).toEqual({ total: 3, done: 0, failed: 0 });
    tally.deviceCollected({ new: 2, changed: 1, confirmed: 5, stale: 0 });
    tally.deviceFailed({ id: 'd-2', name: 'edge-02' }, { code: 'SNMP_TIMEOUT', message: 'no answer' });
    tally.deviceCollected({ new: 0, changed: 0, confirmed: 3, stale: 1 });
    expect(tally.progress()).toEqual({ total: 3, done: 3, failed: 1 });
    expect(tally.entryCount).toBe(12);
    expect(tally.result()).toEqual({
      reportId: 'run-1',
      devices: 3,
      collected: 2,
      failed: 1,
      failedDevices: [{ id: 'd-2', name: 'edge-02', code: 'SNMP_TIMEOUT', message: 'no answer' }],
      entries: { new: 2, changed: 1, confirmed: 8, stale: 1 },
    });
  });
});
