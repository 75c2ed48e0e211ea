import type { FactsEntry } from '@yardmaster/contracts';
import type { FactsEntryOutcome } from './apply-facts-entries';
import { entriesResolvedEvents, FACTS_OUTCOMES_PER_EVENT } from './entries-resolved-events';
import { applyOrder } from './facts-entry-order';

const entry = (id: string, objectType: FactsEntry['objectType'], action: FactsEntry['action']): FactsEntry => ({
  id,
  collectorType: 'interfaces',
  deviceId: 'd1',
  deviceName: 'sw1',
  objectType,
  key: id,
  action,
  objectId: null,
  detected: null,
  current: null,
});

describe('applyOrder', () => {
  it('deletes what stands on others first, then creates what others stand on first, keeping the order within a kind', () => {
    const entries = [
      entry('address', 'ip_address', 'new'),
      entry('stale-interface', 'interface', 'stale'),
      entry('interface-1', 'interface', 'new'),
      entry('stale-neighbour', 'lldp_neighbour', 'stale'),
      entry('facts', 'device', 'changed'),
      entry('interface-2', 'interface', 'changed'),
    ];
    expect(applyOrder(entries).map((ordered) => ordered.id)).toEqual(['stale-neighbour', 'stale-interface', 'facts', 'interface-1', 'interface-2', 'address']);
  });
});

describe('entriesResolvedEvents', () => {
  const outcome = (id: string): FactsEntryOutcome => ({ id, status: 'skipped', error: null, objectId: null });
  const resolution = { reportId: 'r1', resolvedBy: 'ann', resolvedAt: '2026-03-01T10:00:00.000Z', correlationId: 'c1' };

  it('derives each event id from the entries it resolves, whatever their order, so a repeat is stored once', () => {
    const [first] = entriesResolvedEvents({ ...resolution, outcomes: [outcome('a'), outcome('b')] });
    const [again] = entriesResolvedEvents({ ...resolution, outcomes: [outcome('b'), outcome('a')], correlationId: 'c2' });
    const [other] = entriesResolvedEvents({ ...resolution, outcomes: [outcome('a'), outcome('c')] });
    expect(first.id).toBe(again.id);
    expect(first.id).not.toBe(other.id);
    expect(first).toMatchObject({ type: 'facts.entries_resolved', aggregateId: 'r1', actor: 'ann', data: { resolvedBy: 'ann', entries: [outcome('a'), outcome('b')] } });
  });

  it('splits a large resolution into events of a thousand outcomes', () => {
    const outcomes = Array.from({ length: FACTS_OUTCOMES_PER_EVENT * 2 + 1 }, (_, index) => outcome(`e${index}`));
    const events = entriesResolvedEvents({ ...resolution, outcomes });
    expect(events.map((event) => event.data.entries.length)).toEqual([FACTS_OUTCOMES_PER_EVENT, FACTS_OUTCOMES_PER_EVENT, 1]);
    expect(new Set(events.map((event) => event.id)).size).toBe(3);
  });
});
