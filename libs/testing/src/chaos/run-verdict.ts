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
  /** Steps whose job code started more than once, apart from the reruns the two lists below explain. */
  readonly stepsRunTwice: readonly string[];
  /** Steps whose job code ran again because the collector running it was killed (at least once, by design). */
  readonly stepsRerunAfterWorkerLoss: readonly string[];
  /**
   * Steps whose job code ran again after Temporal went down while an earlier attempt ran: Temporal promises at least
   * once (issue 16.6), as a restarted server times out the heartbeats it lost.
   */
  readonly stepsRerunAfterTemporalOutage: readonly string[];
  /** Steps the read model shows at an attempt above 1 (retried for any reason). */
  readonly stepsRetried: readonly string[];
}

export function isTerminal(status: string | null | undefined): boolean {
  return status !== null && status !== undefined && TERMINAL.includes(status);
}

/** A span of time (ms since the epoch) when Temporal did not answer: from its kill to its answering again. */
export interface TemporalOutageWindow {
  readonly downAt: number;
  readonly backAt: number;
}

/** What the platform's at-least-once promise allows to run job code again: not counted as run twice. */
export interface RerunCauses {
  /** Collectors that were killed: job code they ran may run again elsewhere. */
  readonly killedCollectorPids: ReadonlySet<number>;
  /** Temporal's own outages: an attempt running across one may be timed out and run again. */
  readonly temporalOutages: readonly TemporalOutageWindow[];
}

/** Judges one run from the three records of it: the read model, Temporal, and the ledger its job code wrote. */
export function judgeRun(input: {
  readonly runId: string;
  readonly request: RunRequest | null;
  readonly readModel: ReadModelRun | null;
  readonly temporal: TemporalRun;
  readonly executions: readonly LedgerEntry[];
  readonly rerunCauses: RerunCauses;
}): RunVerdict {
  const { runId, request, readModel, temporal } = input;
  const accepted = request?.answer === '202';
  const lost = accepted && (temporal.state === 'NOT_FOUND' || readModel === null);
  const bothKnow = readModel !== null && temporal.state !== 'NOT_FOUND';
  const stuck = !lost && bothKnow && (!isTerminal(readModel.status) || temporal.state === 'RUNNING');
  const mismatch = bothKnow && isTerminal(readModel.status) && isTerminal(temporal.status) && readModel.status !== temporal.status;
  const incomplete = readModel !== null && (readModel.requestedBy === null || readModel.data === null);
  const { runTwice, rerunAfterWorkerLoss, rerunAfterTemporalOutage } = repeatedSteps(input.executions, input.rerunCauses);
  const stepsRetried = Object.entries(readModel?.steps ?? {})
    .filter(([, step]) => step.attempt > 1)
    .map(([name]) => name);
  return { runId, request, readModel, temporal, lost, stuck, mismatch, incomplete, stepsRunTwice: runTwice, stepsRerunAfterWorkerLoss: rerunAfterWorkerLoss, stepsRerunAfterTemporalOutage: rerunAfterTemporalOutage, stepsRetried };
}

/**
 * A step that started more than once ran its job code again. Each start but the last needs a cause the platform's
 * at-least-once promise allows: its collector was then killed, or Temporal went down between it and the next start.
 * A step whose every earlier start has one is a rerun (after a worker loss when any of them was a kill); any other
 * ran twice.
 */
function repeatedSteps(executions: readonly LedgerEntry[], causes: RerunCauses): { runTwice: string[]; rerunAfterWorkerLoss: string[]; rerunAfterTemporalOutage: string[] } {
  const byStep = new Map<string, LedgerEntry[]>();
  for (const entry of executions) byStep.set(entry.step, [...(byStep.get(entry.step) ?? []), entry]);
  const runTwice: string[] = [];
  const rerunAfterWorkerLoss: string[] = [];
  const rerunAfterTemporalOutage: string[] = [];
  for (const [step, entries] of byStep) {
    if (entries.length < 2) continue;
    const ordered = [...entries].sort((a, b) => a.attempt - b.attempt);
    const earlier = ordered.slice(0, -1).map((entry, index) => ({ entry, next: ordered[index + 1]! }));
    const killed = earlier.filter(({ entry }) => causes.killedCollectorPids.has(entry.pid));
    const acrossOutage = earlier.filter(({ entry, next }) => causes.temporalOutages.some((outage) => outage.downAt <= next.startedAt && outage.backAt >= entry.startedAt));
    const explained = earlier.every((start) => killed.includes(start) || acrossOutage.includes(start));
    if (!explained) runTwice.push(step);
    else if (killed.length > 0) rerunAfterWorkerLoss.push(step);
    else rerunAfterTemporalOutage.push(step);
  }
  return { runTwice, rerunAfterWorkerLoss, rerunAfterTemporalOutage };
}
