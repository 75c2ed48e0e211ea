import { ErrorCode, YardError } from '@yardmaster/contracts';
import { readFactsEntryQuery, readFactsReportQuery } from './facts-report-filters';

function refusedFields(read: () => unknown): string[] {
  try {
    read();
  } catch (error) {
    if (error instanceof YardError && error.code === ErrorCode.ValidationFailed) return (error.fieldErrors ?? []).map((fieldError) => fieldError.field);
    throw error;
  }
  throw new Error('the query was accepted');
}

describe('facts report filters', () => {
  it('reads the report filters and paging, leaving out those not given', () => {
    expect(readFactsReportQuery({ planId: 'p1', status: 'partial', limit: '10' })).toEqual({ filters: { planId: 'p1', status: 'partial' }, page: { limit: 10, offset: 0 } });
    expect(readFactsReportQuery({ runId: '', status: '' })).toEqual({ filters: {}, page: { limit: 50, offset: 0 } });
  });

  it('reads the entry filters, with pages of up to a thousand entries', () => {
    expect(readFactsEntryQuery({ action: 'stale', status: 'pending', collectorType: 'lldp', deviceId: 'd1', limit: '1000' })).toEqual({
      filters: { action: 'stale', status: 'pending', collectorType: 'lldp', deviceId: 'd1' },
      page: { limit: 1000, offset: 0 },
    });
  });

  it('refuses unknown parameters, values outside their lists and repeated parameters, each by name', () => {
    expect(refusedFields(() => readFactsReportQuery({ status: 'done', plan: 'x' }))).toEqual(['plan', 'status']);
    expect(refusedFields(() => readFactsEntryQuery({ action: 'removed', collectorType: 'napalm', deviceId: ['a', 'b'] }))).toEqual(['action', 'collectorType', 'deviceId']);
    expect(refusedFields(() => readFactsEntryQuery({ limit: '1001' }))).toEqual(['limit']);
  });
});
