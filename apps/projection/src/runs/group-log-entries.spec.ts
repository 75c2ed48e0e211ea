import type { RunEvent } from '@yardmaster/contracts';
import { groupLogEntries } from './group-log-entries';

const message = (type: RunEvent['type'], streamSequence: number) => ({ event: { type } as RunEvent, streamSequence });

describe('groupLogEntries', () => {
  it('keeps consecutive log entries together and every other event on its own, in order', () => {
    const batch = [
      message('run.requested', 1),
      message('run.started', 2),
      message('run.log', 3),
      message('run.log', 4),
      message('run.progress', 5),
      message('run.log', 6),
      message('run.completed', 7),
    ];
    expect(groupLogEntries(batch)).toEqual([
      { other: batch[0] },
      { other: batch[1] },
      { logEntries: [batch[2], batch[3]] },
      { other: batch[4] },
      { logEntries: [batch[5]] },
      { other: batch[6] },
    ]);
  });

  it('makes one stretch of a batch of log entries only', () => {
    const batch = [message('run.log', 1), message('run.log', 2), message('run.log', 3)];
    expect(groupLogEntries(batch)).toEqual([{ logEntries: batch }]);
  });

  it('keeps batches of log entries together with single entries, as old and new producers write them', () => {
    const batch = [message('run.log', 1), message('run.log_batch', 2), message('run.step_started', 3), message('run.log_batch', 4), message('run.log', 5)];
    expect(groupLogEntries(batch)).toEqual([{ logEntries: [batch[0], batch[1]] }, { other: batch[2] }, { logEntries: [batch[3], batch[4]] }]);
  });

  it('gives nothing for nothing', () => {
    expect(groupLogEntries([])).toEqual([]);
  });
});
