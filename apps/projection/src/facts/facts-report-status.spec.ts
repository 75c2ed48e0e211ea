import { factsReportStatus, type FactsReportTally } from './facts-report-status';

const closedWith = (counts: Partial<FactsReportTally>): FactsReportTally => {
  const byStatus = { pending: 0, applied: 0, skipped: 0, failed: 0, ...counts };
  return { closed: true, devicesCollected: 1, devicesFailed: 0, entries: byStatus.pending + byStatus.applied + byStatus.skipped + byStatus.failed, ...byStatus };
};

describe('factsReportStatus', () => {
  it('is collecting until the run closes the report, whatever the entries say', () => {
    expect(factsReportStatus({ ...closedWith({ applied: 3 }), closed: false })).toBe('collecting');
    expect(factsReportStatus({ ...closedWith({}), closed: false })).toBe('collecting');
  });

  it.each([
    [{ pending: 4 }, 'pending'],
    [{ applied: 4 }, 'applied'],
    [{ skipped: 4 }, 'skipped'],
    [{ failed: 4 }, 'failed'],
    [{ pending: 3, applied: 1 }, 'partial'],
    [{ applied: 3, failed: 1 }, 'partial'],
    [{ applied: 2, skipped: 2 }, 'partial'],
    [{ skipped: 1, failed: 1 }, 'partial'],
  ] as const)('a closed report whose entries are %p is %s', (counts, status) => {
    expect(factsReportStatus(closedWith(counts))).toBe(status);
  });

  it('a closed report without entries is completed, or failed when no device could be collected', () => {
    expect(factsReportStatus(closedWith({}))).toBe('completed');
    expect(factsReportStatus({ ...closedWith({}), devicesCollected: 2, devicesFailed: 1 })).toBe('completed');
    expect(factsReportStatus({ ...closedWith({}), devicesCollected: 0, devicesFailed: 3 })).toBe('failed');
    expect(factsReportStatus({ ...closedWith({}), devicesCollected: 0, devicesFailed: 0 })).toBe('completed');
  });
});
