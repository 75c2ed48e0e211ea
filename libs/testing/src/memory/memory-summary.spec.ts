import { memoryTable, summarizeServiceMemory, type RssSample } from './memory-summary';

const samples = (phase: RssSample['phase'], ...mb: number[]): RssSample[] => mb.map((value) => ({ phase, rssKb: value * 1024 }));

describe('summarizeServiceMemory', () => {
  it('takes the median while idle, the highest under load and the last after it', () => {
    const memory = summarizeServiceMemory('projection', [...samples('idle', 100, 140, 101), ...samples('load', 110, 130, 120), ...samples('after', 125, 105)]);
    expect(memory).toEqual({ service: 'projection', idleMb: 101, peakDuringMb: 130, afterMb: 105, samples: 8 });
  });

  it('averages the two middle idle samples of an even count', () => {
    expect(summarizeServiceMemory('api', [...samples('idle', 100, 102), ...samples('load', 1), ...samples('after', 1)]).idleMb).toBe(101);
  });

  it('rounds to a tenth of a MB', () => {
    const memory = summarizeServiceMemory('api', [{ phase: 'idle', rssKb: 100_000 }, ...samples('load', 1), ...samples('after', 1)]);
    expect(memory.idleMb).toBe(97.7);
  });

  it('refuses samples that miss a phase: a figure without them would be invented', () => {
    expect(() => summarizeServiceMemory('api', [...samples('idle', 100), ...samples('after', 100)])).toThrow('api: no load sample of its RSS');
  });
});

describe('memoryTable', () => {
  const api = { service: 'api', idleMb: 120, peakDuringMb: 140.5, afterMb: 125.3, samples: 10 };
  const collector = { service: 'collector', idleMb: 145, peakDuringMb: 190, afterMb: 140, samples: 10 };

  it('shows each service against the budget and the totals', () => {
    const lines = memoryTable([api, collector], 150);
    expect(lines[0]).toContain('within 150 MB');
    expect(lines[1]).toMatch(/^api\s+120\s+140.5\s+125.3\s+\+5.3\s+yes$/);
    // The collector is idle within budget but its peak is not: flat it is not.
    expect(lines[2]).toMatch(/^collector\s+145\s+190\s+140\s+-5\s+NO$/);
    expect(lines[3]).toMatch(/^total\s+265\s+330.5\s+265.3$/);
  });
});
