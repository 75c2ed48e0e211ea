import type { JobLedger, LedgerEntry } from './ledger-jobs';
import { readModelRuns, type ReadModelRun } from './read-model-runs';
import type { RunRequest } from './run-request';
import { isTerminal, judgeRun, type RerunCauses, type RunVerdict } from './run-verdict';
import type { TemporalRuns } from './temporal-runs';

export interface SettleInput {
  readonly apiUrl: string;
  readonly adminToken: string;
  readonly temporal: TemporalRuns;
  readonly ledger: JobLedger;
  readonly requests: readonly RunRequest[];
  /** Killed collectors and Temporal outages: job code may run again after them (at least once), not counted as run twice. */
  readonly rerunCauses: RerunCauses;
  /** Give up waiting at this time (ms since the epoch): whatever is not terminal then is stuck. */
  readonly deadline: number;
}

/**
 * Waits (until the deadline) for every run to be terminal in the read model and in Temporal, then judges each run
 * the system knows of: every accepted one, and every other that exists in the read model or ran job code (a run a
 * client was not told about). The read model is read through the API, so the API must be up.
 */
export async function settleAndJudge(input: SettleInput): Promise<RunVerdict[]> {
  for (;;) {
    const readModel = await readModelRuns(input.apiUrl, input.adminToken).catch(() => null);
    if (readModel !== null) {
      const runIds = knownRunIds(input.requests, readModel, input.ledger.entries());
      if (await allEnded(input.temporal, runIds, readModel)) break;
    }
    if (Date.now() > input.deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  const readModel = await readModelRuns(input.apiUrl, input.adminToken);
  const ledger = input.ledger.entries();
  const requestsByRun = new Map(input.requests.filter((request) => request.runId).map((request) => [request.runId as string, request]));
  const requestsByKey = new Map(input.requests.map((request) => [request.key, request]));
  const verdicts: RunVerdict[] = [];
  for (const runId of knownRunIds(input.requests, readModel, ledger)) {
    const run = readModel.get(runId) ?? null;
    const executions = ledger.filter((entry) => entry.runId === runId);
    const tag = (run?.data?.tag as string | undefined) ?? executions[0]?.tag;
    const request = requestsByRun.get(runId) ?? (tag ? requestsByKey.get(tag) : undefined) ?? null;
    const temporal = await input.temporal.describe(runId);
    verdicts.push(judgeRun({ runId, request, readModel: run, temporal, executions, rerunCauses: input.rerunCauses }));
  }
  return verdicts;
}

function knownRunIds(requests: readonly RunRequest[], readModel: ReadonlyMap<string, ReadModelRun>, ledger: readonly LedgerEntry[]): string[] {
  const ids = new Set<string>();
  for (const request of requests) if (request.runId) ids.add(request.runId);
  for (const id of readModel.keys()) ids.add(id);
  for (const entry of ledger) ids.add(entry.runId);
  return [...ids];
}

async function allEnded(temporal: TemporalRuns, runIds: readonly string[], readModel: ReadonlyMap<string, ReadModelRun>): Promise<boolean> {
  if (!runIds.every((runId) => isTerminal(readModel.get(runId)?.status))) return false;
  for (const runId of runIds) {
    const run = await temporal.describe(runId).catch(() => null);
    if (run === null || run.state === 'RUNNING') return false;
  }
  return true;
}
