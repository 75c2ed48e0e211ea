import { renderProgressBar } from './progress-bar';

describe('renderProgressBar', () => {
  it('fills the bar by done over total, with counts, percent and failures', () => {
    expect(renderProgressBar({ total: 10, done: 5, failed: 0 }, { width: 10 })).toBe('[#####-----]  5/10  50%');
    expect(renderProgressBar({ total: 10, done: 10, failed: 2 }, { width: 10 })).toBe('[##########] 10/10 100%  2 failed');
    expect(renderProgressBar({ total: 3, done: 1 }, { width: 6, unicode: true })).toBe('[██░░░░] 1/3  33%');
  });

  it('survives a total of zero, done beyond total, and nonsense numbers', () => {
    expect(renderProgressBar({ total: 0, done: 0, failed: 0 }, { width: 4 })).toBe('[----] 0/0   0%');
    expect(renderProgressBar({ total: 4, done: 9, failed: 0 }, { width: 4 })).toBe('[####] 9/4 100%');
    expect(renderProgressBar({ total: Number.NaN, done: -3, failed: Number.POSITIVE_INFINITY }, { width: 4 })).toBe('[----] 0/0   0%');
  });
});
