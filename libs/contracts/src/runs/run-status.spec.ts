import { isRunStatus, isTerminalRunStatus, RUN_STATUSES, runStatusRank, TERMINAL_RUN_STATUSES, type RunStatus } from './run-status';

const NON_TERMINAL: RunStatus[] = ['pending', 'scheduled', 'queued', 'running'];

describe('run status', () => {
  it('ranks the non-terminal states in the order a run moves through them', () => {
    const ranks = NON_TERMINAL.map(runStatusRank);
    for (let index = 1; index < ranks.length; index++) expect(ranks[index]).toBeGreaterThan(ranks[index - 1]);
  });

  it('gives every terminal state the same rank, above every non-terminal one', () => {
    const terminalRanks = new Set(TERMINAL_RUN_STATUSES.map(runStatusRank));
    expect(terminalRanks.size).toBe(1);
    const [terminalRank] = terminalRanks;
    for (const status of NON_TERMINAL) expect(runStatusRank(status)).toBeLessThan(terminalRank);
  });

  it('knows which states are terminal', () => {
    expect(TERMINAL_RUN_STATUSES).toEqual(['completed', 'failed', 'errored', 'cancelled', 'timed_out']);
    for (const status of TERMINAL_RUN_STATUSES) expect(isTerminalRunStatus(status)).toBe(true);
    for (const status of NON_TERMINAL) expect(isTerminalRunStatus(status)).toBe(false);
    expect([...NON_TERMINAL, ...TERMINAL_RUN_STATUSES].sort()).toEqual([...RUN_STATUSES].sort());
  });

  it('recognises run statuses', () => {
    for (const status of RUN_STATUSES) expect(isRunStatus(status)).toBe(true);
    for (const value of ['Running', 'done', '', null, undefined, 3]) expect(isRunStatus(value)).toBe(false);
  });
});
