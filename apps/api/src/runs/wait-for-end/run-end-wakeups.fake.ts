import type { PendingWakeup, Wakeup } from './run-end-notifications';
import type { RunEndWakeups } from './wait-for-run-end';

/** RunEndWakeups for unit tests: each wait wakes as the script says, in order; past the script, when its time is up. */
export class ScriptedWakeups implements RunEndWakeups {
  readonly waits: Array<{ readonly runId: string; readonly timeoutMs: number; cancelled: boolean }> = [];

  constructor(private readonly script: Wakeup[] = []) {}

  next(runId: string, timeoutMs: number): PendingWakeup {
    const wait = { runId, timeoutMs, cancelled: false };
    this.waits.push(wait);
    const scripted = this.script.shift();
    const woken = scripted ? Promise.resolve(scripted) : new Promise<Wakeup>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs));
    return {
      woken,
      cancel: () => {
        wait.cancelled = true;
      },
    };
  }
}
