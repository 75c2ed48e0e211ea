import { ErrorCode, YardError, type RunStatus } from '@yardmaster/contracts';
import { ScriptedWakeups } from './run-end-wakeups.fake';
import { MAX_WAIT_FOR_END_SECONDS, readWaitForEnd, RECHECK_MS, waitForRunEnd } from './wait-for-run-end';

const RUN_ID = '00000000-0000-4000-8000-00000000000a';

/** A run that reads as each status in turn, then stays at the last one. */
function readsAs(...statuses: RunStatus[]): { read: () => Promise<{ id: string; status: RunStatus }>; reads: () => number } {
  let count = 0;
  return {
    read: async () => ({ id: RUN_ID, status: statuses[Math.min(count++, statuses.length - 1)] }),
    reads: () => count,
  };
}

describe('readWaitForEnd', () => {
  it('reads seconds, fractions too, as milliseconds; nothing given is no wait', () => {
    expect(readWaitForEnd(undefined)).toBe(0);
    expect(readWaitForEnd('')).toBe(0);
    expect(readWaitForEnd('2.5')).toBe(2500);
    expect(readWaitForEnd(String(MAX_WAIT_FOR_END_SECONDS))).toBe(MAX_WAIT_FOR_END_SECONDS * 1000);
  });

  it.each([['-1'], [String(MAX_WAIT_FOR_END_SECONDS + 1)], ['soon'], ['Infinity'], [['1', '2']]])('refuses %p with VALIDATION_FAILED on waitForEnd', (raw) => {
    let refusal: unknown;
    try {
      readWaitForEnd(raw);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(YardError);
    expect((refusal as YardError).code).toBe(ErrorCode.ValidationFailed);
    expect((refusal as YardError).fieldErrors?.map((fieldError) => fieldError.field)).toEqual(['waitForEnd']);
  });
});

describe('waitForRunEnd', () => {
  it('answers an ended run at once, after one read, and gives its wakeup up', async () => {
    const run = readsAs('completed');
    const wakeups = new ScriptedWakeups();

    await expect(waitForRunEnd(run.read, 30_000, wakeups, RUN_ID)).resolves.toMatchObject({ status: 'completed' });

    expect(run.reads()).toBe(1);
    expect(wakeups.waits).toEqual([{ runId: RUN_ID, timeoutMs: RECHECK_MS, cancelled: true }]);
  });

  it('reads the run again when its end is announced, and answers it ended', async () => {
    const run = readsAs('running', 'failed');

    await expect(waitForRunEnd(run.read, 30_000, new ScriptedWakeups(['notified']), RUN_ID)).resolves.toMatchObject({ status: 'failed' });
    expect(run.reads()).toBe(2);
  });

  it('reads the run again after each recheck without a notification, until it has ended', async () => {
    const run = readsAs('queued', 'running', 'running', 'cancelled');

    await expect(waitForRunEnd(run.read, 30_000, new ScriptedWakeups(['timeout', 'timeout', 'timeout']), RUN_ID)).resolves.toMatchObject({ status: 'cancelled' });
    expect(run.reads()).toBe(4);
  });

  it('answers the run as it is when the wait is over and it has not ended', async () => {
    const run = readsAs('running');
    const wakeups = new ScriptedWakeups();

    await expect(waitForRunEnd(run.read, 20, wakeups, RUN_ID)).resolves.toMatchObject({ status: 'running' });
    expect(wakeups.waits[0]?.timeoutMs).toBeLessThanOrEqual(20);
  });

  it('answers at once, as the run is, when the API shuts down', async () => {
    const run = readsAs('running');

    await expect(waitForRunEnd(run.read, 30_000, new ScriptedWakeups(['closing']), RUN_ID)).resolves.toMatchObject({ status: 'running' });
    expect(run.reads()).toBe(2);
  });
});
