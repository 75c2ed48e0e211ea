import {
  chaosProfile,
  dependencyOutage,
  figuresOf,
  JobLedger,
  OwnNatsServer,
  OwnPostgresServer,
  OwnTemporalServer,
  startTogether,
  timeUntilHealthy,
  type ChaosFigures,
  type Dependency,
  type LoadGenerator,
  type Outage,
  type OwnDependencies,
  type RunVerdict,
} from '@yardmaster/testing';
import { judgeRuns, loadOf, loadUserToken, report } from './support/chaos/chaos-run';
import { YardmasterStack } from './support/yardmaster-stack';

/**
 * Issue 16's dependency-chaos suite: a steady load of runs while the stack's own NATS, PostgreSQL and Temporal are
 * taken down (as a crash) and brought back, one outage after another, each once the last has healed. Per outage:
 * what the API answered, what ran, how long until /api/health said 200 again; then every run is compared with
 * Temporal and with the ledger its job code wrote. Reduced here; `npm run chaos:deps` runs the large form.
 */
const PROFILE = chaosProfile();

interface OutagePlan {
  readonly label: string;
  readonly dependencies: readonly Dependency[];
  readonly downMs: number;
}

const OUTAGES: readonly OutagePlan[] =
  PROFILE === 'full'
    ? [
        { label: 'NATS 5 s', dependencies: ['nats'], downMs: 5_000 },
        { label: 'NATS 60 s', dependencies: ['nats'], downMs: 60_000 },
        { label: 'Postgres 5 s', dependencies: ['postgres'], downMs: 5_000 },
        { label: 'Postgres 60 s', dependencies: ['postgres'], downMs: 60_000 },
        { label: 'Temporal 5 s', dependencies: ['temporal'], downMs: 5_000 },
        { label: 'Temporal 20 s', dependencies: ['temporal'], downMs: 20_000 },
        { label: 'all three 10 s', dependencies: ['nats', 'postgres', 'temporal'], downMs: 10_000 },
      ]
    : [
        { label: 'NATS 5 s', dependencies: ['nats'], downMs: 5_000 },
        { label: 'Postgres 5 s', dependencies: ['postgres'], downMs: 5_000 },
        { label: 'Temporal 5 s', dependencies: ['temporal'], downMs: 5_000 },
      ];
const SHAPE = PROFILE === 'full' ? { runsPerSecond: 3, countSeconds: 5, calmMs: 10_000, settleMs: 240_000 } : { runsPerSecond: 3, countSeconds: 3, calmMs: 2_000, settleMs: 45_000 };
/** Outages where the platform promises that job code does not run again: Temporal promises at least once (issue 16.6). */
const NO_RERUN = (plan: OutagePlan) => !plan.dependencies.includes('temporal');

jest.setTimeout(PROFILE === 'full' ? 1_800_000 : 170_000);

describe(`dependency chaos (${PROFILE}): NATS, PostgreSQL and Temporal outages under load`, () => {
  let servers: OwnDependencies;
  let stack: YardmasterStack;
  const ledger = JobLedger.create();
  let load: LoadGenerator;
  let verdicts: RunVerdict[];
  const figures = new Map<string, ChaosFigures>();

  beforeAll(async () => {
    const [nats, postgres, temporal] = await startTogether<[OwnNatsServer, OwnPostgresServer, OwnTemporalServer]>([
      () => OwnNatsServer.start(),
      () => OwnPostgresServer.start(),
      () => OwnTemporalServer.start(),
    ]);
    servers = { nats, postgres, temporal };
    stack = await YardmasterStack.start(
      { JOBS_ROOT: ledger.jobsRoot, YARD_RECONCILE_INTERVAL_SECONDS: '5' },
      { databaseServerUrl: postgres.url(), natsUrl: nats.url, temporalAddress: temporal.address },
    );
    load = loadOf(stack, await loadUserToken(stack), SHAPE.runsPerSecond, SHAPE.countSeconds);

    load.start();
    const healthyAfter = new Map<string, number | null>();
    const temporalOutages: Outage[] = [];
    for (const plan of OUTAGES) {
      load.phase = plan.label;
      await new Promise((resolve) => setTimeout(resolve, SHAPE.calmMs));
      const outage = await dependencyOutage(servers, plan.dependencies, plan.downMs);
      if (outage.dependencies.includes('temporal')) temporalOutages.push(outage);
      healthyAfter.set(plan.label, await timeUntilHealthy(stack.apiUrl, outage.backAt, 120_000));
      await new Promise((resolve) => setTimeout(resolve, SHAPE.calmMs));
    }
    load.phase = 'after';
    await new Promise((resolve) => setTimeout(resolve, SHAPE.calmMs));
    await load.stop();
    // A run asked for near the end of one outage's phase may still run when the next outage starts: a rerun is
    // judged by the outages its attempts ran across, not by the phase its request was sent in.
    verdicts = await judgeRuns(stack, ledger, load, { killedCollectorPids: new Set(), temporalOutages }, SHAPE.settleMs);

    for (const plan of OUTAGES) {
      const requests = load.requests.filter((request) => request.phase === plan.label);
      figures.set(plan.label, figuresOf(plan.label, requests, verdicts, healthyAfter.get(plan.label)));
    }
    report(
      load,
      `Dependency chaos suite (${PROFILE}): ${SHAPE.runsPerSecond} runs/s, outages one after another`,
      [...figures.values(), figuresOf('all', load.requests, verdicts)],
      verdicts,
      [
        `Each row counts the requests sent from ${SHAPE.calmMs / 1000} s before the outage until ${SHAPE.calmMs / 1000} s after health was green again.`,
        'Health green after: from the dependency accepting connections again to the first 200 from /api/health.',
      ],
    );
  });

  afterAll(async () => {
    await load?.stop();
    await stack?.stop();
    await Promise.all([servers?.nats.dispose(), servers?.postgres.dispose(), servers?.temporal.dispose()]);
    ledger.dispose();
  });

  it.each(OUTAGES.map((plan) => [plan.label, plan] as const))('%s: accepted runs are neither lost nor stuck, and agree with Temporal', (label) => {
    expect(figures.get(label)).toMatchObject({ lost: 0, stuck: 0, mismatches: 0 });
  });

  it.each(OUTAGES.map((plan) => [plan.label, plan] as const))('%s: health is green again by itself', (label) => {
    expect(figures.get(label)?.healthyAfterMs).not.toBeNull();
  });

  it.each(OUTAGES.map((plan) => [plan.label, plan] as const))('%s: no run starts after an answer that said it would not (issue 16.1)', (label) => {
    expect(figures.get(label)?.startedThoughRefused).toBe(0);
  });

  it.each(OUTAGES.map((plan) => [plan.label, plan] as const))('%s: every run has its requester and data in the read model (issue 16.2)', (label) => {
    expect(figures.get(label)?.incomplete).toBe(0);
  });

  it.each(OUTAGES.filter(NO_RERUN).map((plan) => [plan.label, plan] as const))('%s: no job code runs twice (issue 16.3)', (label) => {
    expect(figures.get(label)?.runTwice).toBe(0);
  });
});
