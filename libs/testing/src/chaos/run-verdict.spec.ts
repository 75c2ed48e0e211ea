import { figuresOf } from './chaos-figures';
import type { LedgerEntry } from './ledger-jobs';
import type { ReadModelRun } from './read-model-runs';
import type { RunRequest } from './run-request';
import { judgeRun } from './run-verdict';
import { impliedStatus, type TemporalRun } from './temporal-runs';

const RUN = 'run-1';

function request(answer: RunRequest['answer'], runId: string | null = RUN): RunRequest {
  return { key: 'k1', jobId: 'chaos_ledger.Count', phase: 'p', sentAt: 0, answeredAt: 1, status: answer === '202' ? 202 : 503, answer, runId, detail: null };
}

function readModel(status: string, attempt = 1): ReadModelRun {
  return { id: RUN, jobId: 'chaos_ledger.Count', status, data: { tag: 'k1' }, requestedBy: 'chaos-load', steps: { run: { attempt, worker: 'w' } } };
}

const completedInTemporal: TemporalRun = { state: 'COMPLETED', status: 'completed' };
const execution = (attempt: number, pid: number, startedAt = attempt * 1_000): LedgerEntry => ({ runId: RUN, step: 'run', attempt, pid, tag: 'k1', startedAt });

function judge(overrides: Partial<Parameters<typeof judgeRun>[0]> = {}) {
  return judgeRun({
    runId: RUN,
    request: request('202'),
    readModel: readModel('completed'),
    temporal: completedInTemporal,
    executions: [execution(1, 10)],
    rerunCauses: { killedCollectorPids: new Set(), temporalOutages: [] },
    ...overrides,
  });
}

describe('judgeRun', () => {
  it('finds nothing wrong with a run that ended alike everywhere and ran once', () => {
    expect(judge()).toMatchObject({ lost: false, stuck: false, mismatch: false, stepsRunTwice: [], stepsRetried: [] });
  });

  it('calls an accepted run lost when Temporal has no workflow for it, or the read model does not know it', () => {
    expect(judge({ temporal: { state: 'NOT_FOUND', status: null } }).lost).toBe(true);
    expect(judge({ readModel: null }).lost).toBe(true);
    expect(judge({ request: request('5xx', null), readModel: null }).lost).toBe(false);
  });

  it('calls a run stuck while either side has not ended it', () => {
    expect(judge({ readModel: readModel('running') }).stuck).toBe(true);
    expect(judge({ temporal: { state: 'RUNNING', status: null } }).stuck).toBe(true);
  });

  it('calls different terminal statuses a mismatch', () => {
    expect(judge({ readModel: readModel('errored') })).toMatchObject({ mismatch: true, stuck: false });
  });

  it('tells job code run twice from a rerun after its collector was killed', () => {
    expect(judge({ executions: [execution(1, 10), execution(2, 11)] }).stepsRunTwice).toEqual(['run']);
    const afterKill = judge({ executions: [execution(1, 10), execution(2, 11)], rerunCauses: { killedCollectorPids: new Set([10]), temporalOutages: [] } });
    expect(afterKill).toMatchObject({ stepsRunTwice: [], stepsRerunAfterWorkerLoss: ['run'], stepsRerunAfterTemporalOutage: [] });
  });

  it('explains a rerun by a Temporal outage only when Temporal went down between the two starts', () => {
    const twoStarts = [execution(1, 10, 10_000), execution(2, 10, 25_000)];
    const across = judge({ executions: twoStarts, rerunCauses: { killedCollectorPids: new Set(), temporalOutages: [{ downAt: 14_000, backAt: 19_000 }] } });
    expect(across).toMatchObject({ stepsRunTwice: [], stepsRerunAfterWorkerLoss: [], stepsRerunAfterTemporalOutage: ['run'] });
    const before = judge({ executions: twoStarts, rerunCauses: { killedCollectorPids: new Set(), temporalOutages: [{ downAt: 2_000, backAt: 9_000 }] } });
    expect(before).toMatchObject({ stepsRunTwice: ['run'], stepsRerunAfterTemporalOutage: [] });
    const after = judge({ executions: twoStarts, rerunCauses: { killedCollectorPids: new Set(), temporalOutages: [{ downAt: 26_000, backAt: 30_000 }] } });
    expect(after).toMatchObject({ stepsRunTwice: ['run'], stepsRerunAfterTemporalOutage: [] });
  });

  it('needs a cause for every earlier start: a third start with none is run twice', () => {
    const threeStarts = [execution(1, 10, 10_000), execution(2, 11, 20_000), execution(3, 11, 30_000)];
    const oneKill = judge({ executions: threeStarts, rerunCauses: { killedCollectorPids: new Set([10]), temporalOutages: [] } });
    expect(oneKill.stepsRunTwice).toEqual(['run']);
    const killThenOutage = judge({ executions: threeStarts, rerunCauses: { killedCollectorPids: new Set([10]), temporalOutages: [{ downAt: 22_000, backAt: 27_000 }] } });
    expect(killThenOutage).toMatchObject({ stepsRunTwice: [], stepsRerunAfterWorkerLoss: ['run'] });
  });

  it('calls a run without requester or data in the read model incomplete', () => {
    expect(judge().incomplete).toBe(false);
    expect(judge({ readModel: { ...readModel('completed'), requestedBy: null, data: null } }).incomplete).toBe(true);
  });

  it('lists the steps the read model shows retried', () => {
    expect(judge({ readModel: readModel('completed', 2) }).stepsRetried).toEqual(['run']);
  });
});

describe('impliedStatus', () => {
  it.each([
    ['COMPLETED', 'failed', 'failed'],
    ['FAILED', 'errored', 'errored'],
    ['FAILED', 'running', 'errored'],
    ['CANCELLED', 'running', 'cancelled'],
    ['TERMINATED', 'running', 'cancelled'],
    ['TIMED_OUT', null, 'timed_out'],
    ['RUNNING', 'running', null],
  ])('a %s workflow marked %p is %p', (state, marked, status) => {
    expect(impliedStatus(state, marked)).toBe(status);
  });
});

describe('figuresOf', () => {
  it('counts a run that exists although its request was answered with an error', () => {
    const refused = request('5xx', null);
    const verdict = judge({ request: refused });
    expect(figuresOf('p', [refused], [verdict])).toMatchObject({ requested: 1, accepted: 0, startedThoughRefused: 1, lost: 0 });
  });

  it('counts accepted runs by how they ended', () => {
    const accepted = request('202');
    expect(figuresOf('p', [accepted], [judge({ readModel: readModel('errored'), temporal: { state: 'COMPLETED', status: 'errored' } })])).toMatchObject({
      accepted: 1,
      completed: 0,
      endedOtherwise: { errored: 1 },
    });
  });
});
