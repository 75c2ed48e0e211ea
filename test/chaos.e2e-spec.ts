import { chaosProfile, figuresOf, JobLedger, ServiceFaults, type LoadGenerator, type RunVerdict, type ServiceTarget } from '@yardmaster/testing';
import { judgeRuns, loadOf, loadUserToken, report } from './support/chaos/chaos-run';
import { YardmasterStack } from './support/yardmaster-stack';

/**
 * Issue 10's chaos suite: a steady load of runs through the REST API while collectors, the projection, the
 * scheduler and the API are killed (SIGKILL) and started again. Once the load stops and the system settles, every
 * run is compared with Temporal and with the ledger its job code wrote: none lost, none stuck, none whose status
 * differs from Temporal's, none whose job code ran twice (apart from a rerun after its collector was killed, which
 * at-least-once allows). Reduced here; `npm run chaos` runs the large form (YARD_CHAOS_PROFILE=full).
 */
const PROFILE = chaosProfile();
const SHAPE =
  PROFILE === 'full'
    ? { runsPerSecond: 3, countSeconds: 5, killEveryMs: 12_000, kills: 20, settleMs: 300_000 }
    : { runsPerSecond: 3, countSeconds: 3, killEveryMs: 5_000, kills: 5, settleMs: 60_000 };
const ROTATION: ServiceTarget[] = ['collector', 'projection', 'scheduler', 'api', 'collector:b'];

jest.setTimeout(PROFILE === 'full' ? 1_200_000 : 170_000);

describe(`chaos (${PROFILE}): services killed under load lose nothing, wedge nothing, and agree with Temporal`, () => {
  let stack: YardmasterStack;
  const ledger = JobLedger.create();
  let load: LoadGenerator;
  let faults: ServiceFaults;
  let verdicts: RunVerdict[];

  beforeAll(async () => {
    stack = await YardmasterStack.start({
      JOBS_ROOT: ledger.jobsRoot,
      // A killed collector's step moves on after this (default 10 s); the reconciler passes more often (default 15 s).
      YARD_HEARTBEAT_TIMEOUT_SECONDS: '5',
      YARD_RECONCILE_INTERVAL_SECONDS: '5',
    });
    stack.startCollector('b');
    load = loadOf(stack, await loadUserToken(stack), SHAPE.runsPerSecond, SHAPE.countSeconds);
    faults = new ServiceFaults(stack);

    load.start();
    for (let index = 0; index < SHAPE.kills; index++) {
      await new Promise((resolve) => setTimeout(resolve, SHAPE.killEveryMs));
      const service = ROTATION[index % ROTATION.length];
      load.phase = `kill ${service}`;
      // Down 1 to 4 s, varying, so a restart meets the load at different points.
      await faults.killAndRestart(service, 1_000 + (index % 4) * 1_000);
    }
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await load.stop();
    await stack.waitUntilHealthy(60_000);
    verdicts = await judgeRuns(stack, ledger, load, { killedCollectorPids: faults.killedCollectorPids(), temporalOutages: [] }, SHAPE.settleMs);

    const phases = [...new Set(load.requests.map((request) => request.phase))];
    report(
      load,
      `Chaos suite (${PROFILE}): ${faults.kills.length} kills of ${ROTATION.join(', ')} under ${SHAPE.runsPerSecond} runs/s`,
      [...phases.map((phase) => figuresOf(phase, load.requests.filter((request) => request.phase === phase), verdicts)), figuresOf('all', load.requests, verdicts)],
      verdicts,
      [`Kills: ${faults.kills.map((kill) => `${kill.service} ${((kill.restartedAt - kill.killedAt) / 1000).toFixed(1)} s`).join(', ')}`],
    );
  });

  afterAll(async () => {
    await load?.stop();
    await stack?.stop();
    ledger.dispose();
  });

  it('accepted runs', () => {
    expect(load.requests.filter((request) => request.answer === '202').length).toBeGreaterThan(0);
  });

  it('loses no accepted run', () => {
    expect(verdicts.filter((verdict) => verdict.lost).map((verdict) => verdict.runId)).toEqual([]);
  });

  it('leaves no run unfinished', () => {
    expect(verdicts.filter((verdict) => verdict.stuck).map((verdict) => `${verdict.runId} ${verdict.readModel?.status} ${verdict.temporal.state}`)).toEqual([]);
  });

  it('shows every run with the status Temporal has', () => {
    expect(
      verdicts.filter((verdict) => verdict.mismatch).map((verdict) => `${verdict.runId} read model ${verdict.readModel?.status}, Temporal ${verdict.temporal.status}`),
    ).toEqual([]);
  });

  it('keeps the requester and data of every run in the read model', () => {
    expect(verdicts.filter((verdict) => verdict.incomplete).map((verdict) => verdict.runId)).toEqual([]);
  });

  it('runs no job code twice but after its collector was killed', () => {
    expect(verdicts.filter((verdict) => verdict.stepsRunTwice.length > 0).map((verdict) => `${verdict.runId} ${verdict.stepsRunTwice.join(',')}`)).toEqual([]);
  });
});
