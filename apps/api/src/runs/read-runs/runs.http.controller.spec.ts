import { ErrorCode, type Principal } from '@yardmaster/contracts';
import type { ApiConfig } from '../../config';
import { FakeRunsQueries, logEntryRecord, runRecord } from './runs.queries.fake';
import { RunsHttpController } from './runs.http.controller';
import { ScriptedWakeups } from '../wait-for-end/run-end-wakeups.fake';

const ANNS = '00000000-0000-4000-8000-00000000000a';
const ACTING_AS_ANN = '00000000-0000-4000-8000-00000000000b';
const BOBS = '00000000-0000-4000-8000-00000000000c';
const CONFIG = { temporal: { uiUrl: 'http://127.0.0.1:8233', namespace: 'default' } } as ApiConfig;

function principal(grants: Principal['grants']): Principal {
  return { username: 'ann', displayName: 'Ann', isAdmin: false, readOnly: false, grants };
}

const viewsOwn = principal([{ permission: 'runs.view_own' }]);
const viewsAny = principal([{ permission: 'runs.view_any' }]);

function controller(): RunsHttpController {
  const runs = [
    runRecord({ id: ANNS, createdAt: new Date('2030-01-01T00:00:00.000Z') }),
    runRecord({ id: ACTING_AS_ANN, requestedBy: 'temporal', runAs: 'ann', status: 'failed', createdAt: new Date('2030-01-02T00:00:00.000Z') }),
    runRecord({ id: BOBS, requestedBy: 'bob', runAs: 'bob', createdAt: new Date('2030-01-03T00:00:00.000Z') }),
  ];
  const logs = [
    logEntryRecord({ runId: ANNS, position: '2', level: 'warning' }),
    logEntryRecord({ runId: ANNS, position: '1' }),
    logEntryRecord({ runId: BOBS, position: '1' }),
  ];
  return new RunsHttpController(new FakeRunsQueries(runs, logs), CONFIG, new ScriptedWakeups());
}

describe('RunsHttpController', () => {
  it('lists every run, newest first, with runs.view_any', async () => {
    const page = await controller().list({}, viewsAny);

    expect(page.items.map((run) => run.id)).toEqual([BOBS, ACTING_AS_ANN, ANNS]);
    expect([page.total, page.limit, page.offset]).toEqual([3, 50, 0]);
  });

  it("lists only one's own runs (requested or acting as one) otherwise, the total counting only those", async () => {
    const page = await controller().list({ limit: '1' }, viewsOwn);

    expect(page.items.map((run) => run.id)).toEqual([ACTING_AS_ANN]);
    expect(page.total).toBe(2);
  });

  it('narrows by the filters given and links each run to its workflow', async () => {
    const page = await controller().list({ status: 'failed' }, viewsAny);

    expect(page.items.map((run) => [run.id, run.temporalUrl])).toEqual([[ACTING_AS_ANN, `http://127.0.0.1:8233/namespaces/default/workflows/run-${ACTING_AS_ANN}`]]);
  });

  it('refuses a status that is none, on the field status', async () => {
    await expect(controller().list({ status: 'done' }, viewsAny)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed, fieldErrors: [{ field: 'status', message: expect.stringContaining('must be one of') }] });
  });

  it("answers RUN_NOT_FOUND for another's run, an unknown one and an id that is no UUID", async () => {
    await expect(controller().get(ACTING_AS_ANN, undefined, viewsOwn)).resolves.toMatchObject({ id: ACTING_AS_ANN, runAs: 'ann' });
    for (const runId of [BOBS, '00000000-0000-4000-8000-0000000000ff', 'not-a-uuid']) {
      await expect(controller().get(runId, undefined, viewsOwn)).rejects.toMatchObject({ code: ErrorCode.RunNotFound });
    }
  });

  it('waits for an ended run no longer than it takes to read it, and never for a run one may not see', async () => {
    await expect(controller().get(ACTING_AS_ANN, '30', viewsOwn)).resolves.toMatchObject({ id: ACTING_AS_ANN, status: 'failed' });
    await expect(controller().get(BOBS, '30', viewsOwn)).rejects.toMatchObject({ code: ErrorCode.RunNotFound });
    await expect(controller().get(ANNS, '61', viewsOwn)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
  });

  it("lists a run's log entries in order, by level when asked, and not another's", async () => {
    const all = await controller().logs(ANNS, {}, viewsOwn);
    const warnings = await controller().logs(ANNS, { level: 'warning' }, viewsOwn);

    expect(all.items.map((entry) => entry.position)).toEqual([1, 2]);
    expect([warnings.items.map((entry) => entry.position), warnings.total]).toEqual([[2], 1]);
    await expect(controller().logs(BOBS, {}, viewsOwn)).rejects.toMatchObject({ code: ErrorCode.RunNotFound });
    await expect(controller().logs(ANNS, { level: 'loud' }, viewsOwn)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed, fieldErrors: [{ field: 'level', message: expect.stringContaining('must be one of') }] });
  });

  it("pages a run's log after a position, counting what comes after it, and refuses a position that is no whole number", async () => {
    const after = await controller().logs(ANNS, { after: '1' }, viewsOwn);
    expect([after.items.map((entry) => entry.position), after.total]).toEqual([[2], 1]);
    await expect(controller().logs(ANNS, { after: '-1' }, viewsOwn)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed, fieldErrors: [{ field: 'after', message: expect.stringContaining('whole number') }] });
    await expect(controller().logs(ANNS, { after: 'x' }, viewsOwn)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed, fieldErrors: [{ field: 'after' }] });
  });
});
