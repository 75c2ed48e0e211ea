import type { LedgerEntry } from './ledger-jobs';
import type { ReadModelRun } from './read-model-runs';
import type { RunRequest } from './run-request';
import type { TemporalRun } from './temporal-runs';

const TERMINAL = ['completed', 'failed', 'errored', 'cancelled', 'timed_out'];

/** Everything known of one run once the system has settled, and what is wrong with it. */
export interface RunVerdict {
  readonly runId: string;
  /** The request that asked for it (matched by run id, or by the key its data carries). */
  readonly request: RunRequest | null;
  readonly readModel: ReadModelRun | null;
  readonly temporal: TemporalRun;
  /** Accepted (202), yet Temporal has no workflow for it or the read model does not know it. */
  readonly lost: boolean;
  /** Known to both, but not terminal in one of them by the deadline. */
  readonly stuck: boolean;
  /** Terminal in both, with different statuses. */
  readonly mismatch: boolean;
  /** In the read model without its requester or data (its `run.requested` never arrived): its owner cannot see it. */
  readonly incomplete: boolean;
  /** Steps whose job code started more than once, apart from reruns after its collector was killed. */
  readonly stepsRunTwice: readonly string[];
  /** Steps whose job code ran again because the collector running it was killed (at least once, by design). */
  readonly stepsRerunAfterWorkerLoss: readonly string[];
  /** Steps the read model shows at an attempt above 1 (retried for any reason). */
  readonly stepsRetried: readonly string[];
}

export function isTerminal(status: string | null | undefined): boolean {
  return status !== null && status !== undefined && TERMINAL.includes(status);
}

/** Judges one run from the three records of it: the read model, Temporal, and the ledger its job code wrote. */
export function judgeRun(input: {
  readonly runId: string;
  readonly request: RunRequest | null;
  readonly readModel: ReadModelRun | null;
  readonly temporal: TemporalRun;
  readonly executions: readonly LedgerEntry[];
  readonly killedCollectorPids: ReadonlySet<number>;
}): RunVerdict {
  const { runId, request, readModel, temporal } = input;
  const accepted = request?.answer === '202';
  const lost = accepted && (temporal.state === 'NOT_FOUND' || readModel === null);
  const bothKnow = readModel !== null && temporal.state !== 'NOT_FOUND';
  const stuck = !lost && bothKnow && (!isTerminal(readModel.status) || temporal.state === 'RUNNING');
  const mismatch = bothKnow && isTerminal(readModel.status) && isTerminal(temporal.status) && readModel.status !== temporal.status;
  const incomplete = readModel !== null && (readModel.requestedBy === null || readModel.data === null);
  const { runTwice, rerunAfterWorkerLoss } = repeatedSteps(input.executions, input.killedCollectorPids);
  const stepsRetried = Object.entries(readModel?.steps ?? {})
    .filter(([, step]) => step.attempt > 1)
    .map(([name]) => name);
  return { runId, request, readModel, temporal, lost, stuck, mismatch, incomplete, stepsRunTwice: runTwice, stepsRerunAfterWorkerLoss: rerunAfterWorkerLoss, stepsRetried };
}

/**
 * A step that started more than once ran its job code again. When every start but the last was on a collector that
 * was then killed, the platform's at-least-once promise explains it; otherwise it ran twice.
 */
function repeatedSteps(executions: readonly LedgerEntry[], killedPids: ReadonlySet<number>): { runTwice: string[]; rerunAfterWorkerLoss: string[] } {
  const byStep = new Map<string, LedgerEntry[]>();
  for (const entry of executions) byStep.set(entry.step, [...(byStep.get(entry.step) ?? []), entry]);
  const runTwice: string[] = [];
  const rerunAfterWorkerLoss: string[] = [];
  for (const [step, entries] of byStep) {
    if (entries.length < 2) continue;
    const earlier = [...entries].sort((a, b) => a.attempt - b.attempt).slice(0, -1);
    if (earlier.every((entry) => killedPids.has(entry.pid))) rerunAfterWorkerLoss.push(step);
    else runTwice.push(step);
  }
  return { runTwice, rerunAfterWorkerLoss };
}
