import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(180_000);

const RUNS = 50;
const ENTRIES_PER_RUN = 4; // Hello World with count 3: three info entries and one success entry

describe('killing the projection during a burst of runs', () => {
  let stack: YardmasterStack;

  beforeAll(async () => {
    stack = await YardmasterStack.start();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('leaves exactly one row per run and per log entry once it is back', async () => {
    const submissions: Array<Promise<{ status: number; body: { runId: string } }>> = [];
    for (let index = 0; index < RUNS; index++) {
      submissions.push(stack.post('/api/jobs/examples.HelloWorld/runs', JSON.stringify({ data: { name: `burst-${index}`, count: 3 } })));
      if (index === RUNS / 5) await stack.service('projection').kill();
    }
    const accepted = await Promise.all(submissions);
    expect(accepted.every((response) => response.status === 202)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    stack.startService('projection');
    await stack.waitUntilHealthy();
    const runIds = accepted.map((response) => response.body.runId);
    for (const runId of runIds) await stack.waitForRunToEnd(runId, 60_000);

    const db = stack.database.dataSource;
    const [runRows] = await db.query(`SELECT count(*)::int AS runs, count(DISTINCT id)::int AS distinct_runs FROM job_runs WHERE id = ANY($1)`, [runIds]);
    expect(runRows).toEqual({ runs: RUNS, distinct_runs: RUNS });
    const [statuses] = await db.query(`SELECT count(*)::int AS completed FROM job_runs WHERE id = ANY($1) AND status = 'completed'`, [runIds]);
    expect(statuses.completed).toBe(RUNS);
    const [logRows] = await db.query(
      `SELECT count(*)::int AS entries, count(DISTINCT (run_id, message))::int AS distinct_entries FROM job_log_entries WHERE run_id = ANY($1)`,
      [runIds],
    );
    expect(logRows).toEqual({ entries: RUNS * ENTRIES_PER_RUN, distinct_entries: RUNS * ENTRIES_PER_RUN });
  });
});
