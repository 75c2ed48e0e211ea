import { planBatch } from './batch-plan';

const failed = new Set([3, 5]);
const failedBefore = (sequence: number) => failed.has(sequence);

describe('planBatch', () => {
  it('puts the messages that never failed together, in stream order, and those that did alone', () => {
    expect(planBatch([1, 2, 3, 4, 5, 6], failedBefore, true)).toEqual({ together: [1, 2, 4, 6], alone: [3, 5] });
  });

  it('handles every message alone when the consumer does not batch', () => {
    expect(planBatch([1, 2, 4], failedBefore, false)).toEqual({ together: [], alone: [1, 2, 4] });
  });

  it('makes no batch of a single message', () => {
    expect(planBatch([1, 3], failedBefore, true)).toEqual({ together: [], alone: [1, 3] });
    expect(planBatch([2], failedBefore, true)).toEqual({ together: [], alone: [2] });
  });

  it('gives nothing for nothing', () => {
    expect(planBatch([], failedBefore, true)).toEqual({ together: [], alone: [] });
  });
});
