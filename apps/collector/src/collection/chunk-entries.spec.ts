import type { FactsEntry } from '@yardmaster/contracts';
import { chunkEntries } from './chunk-entries';

function entries(count: number): FactsEntry[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `e-${index}`, collectorType: 'interfaces', deviceId: 'd-1', deviceName: 'edge-01', objectType: 'interface', key: `if${index}`, action: 'new', objectId: null, detected: {}, current: null,
  }));
}

describe('chunkEntries', () => {
  it('cuts entries into parts of at most the size, in order', () => {
    const parts = chunkEntries(entries(7), 3);
    expect(parts.map((part) => part.map((entry) => entry.id))).toEqual([['e-0', 'e-1', 'e-2'], ['e-3', 'e-4', 'e-5'], ['e-6']]);
  });

  it('gives an exact multiple no empty tail part', () => {
    expect(chunkEntries(entries(6), 3)).toHaveLength(2);
  });

  it('gives a device with no entries one empty part, so the report knows it was collected', () => {
    expect(chunkEntries([], 3)).toEqual([[]]);
  });

  it('defaults to FACTS_ENTRIES_PER_EVENT', () => {
    expect(chunkEntries(entries(501)).map((part) => part.length)).toEqual([500, 1]);
  });
});
