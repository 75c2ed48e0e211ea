/**
 * Rebuilds the read models from the event streams, on the real NATS server and Postgres, for a history with every
 * kind of event: the stream version 1 wrote (libs/contracts/src/event-contract/recorded/events-v1.jsonl: runs of
 * every ending, a cancel, a scheduled start, a job override, identity changes, a facts report with applied and
 * skipped entries) and a retried run, applied by the whole projection. The rebuild compares equal while the projection serves, restores
 * every table after the projection is stopped and its tables dropped, repairs a damaged table, and says what
 * retention has taken instead of producing less.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { ErrorCode, type EventEnvelope } from '@yardmaster/contracts';
import { waitFor } from '@yardmaster/testing';
import { ACTIONS_RECORDED_WITHOUT_EVENT } from '../audit/audit-entry';
import { recordAuditEntry } from '../audit/audit-recorder';
import { AUDIT_CONSUMER } from '../audit/audit.consumer';
import { readModelsConsumer } from '../consumer/read-models.consumer';
import { startProjectionOnOwnInstance, type ProjectionOnOwnInstance } from '../test-support/projection-on-own-instance';
import { READ_MODEL_TABLES, READ_MODELS_REBUILT } from './read-model-tables';
import { rebuildReadModels, type RebuildOptions } from './rebuild-read-models';

jest.setTimeout(120_000);

const RECORDING = join(__dirname, '../../../../libs/contracts/src/event-contract/recorded/events-v1.jsonl');
const RECORDED_INSTANCE = 'evrec';

const recorded: Array<{ stream: string; subject: string; event: EventEnvelope }> = readFileSync(RECORDING, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line));

/** Every table a rebuild restores, with the columns it cannot reproduce (when the projection applied an event). */
const TABLES = READ_MODELS_REBUILT.flatMap((model) => READ_MODEL_TABLES[model].tables.map((table) => ({ table, skipped: READ_MODEL_TABLES[model].projectionTimes[table] ?? [] })));

/**
 * A run whose step failed once and was retried, which the recording lacks: the recorded Hello World run under a new
 * id, its step started a second time (attempt 2) before it completed.
 */
function aRetriedRun(): Array<{ subject: string; event: EventEnvelope }> {
  const runId = randomUUID();
  const original = recorded.filter(({ event }) => event.aggregateId === recorded.find(({ event: first }) => first.type === 'run.completed')!.event.aggregateId);
  const events: Array<{ subject: string; event: EventEnvelope }> = [];
  for (const { subject, event } of original) {
    const renamed = { subject: subject.replace(event.aggregateId, runId), event: { ...event, id: event.id.replace(event.aggregateId, runId), aggregateId: runId } };
    if (event.type === 'run.log_batch') {
      const { entries } = event.data as { entries: Array<{ id: string }> };
      renamed.event = { ...renamed.event, data: { entries: entries.map((entry) => ({ ...entry, id: entry.id.replace(event.aggregateId, runId) })) } };
    }
    events.push(renamed);
    if (event.type === 'run.step_started') {
      const retry = { ...(event.data as object), attempt: 2 };
      events.push({ subject: renamed.subject, event: { ...renamed.event, id: `${renamed.event.id}:2`, occurredAt: new Date(Date.parse(event.occurredAt) + 1_000).toISOString(), data: retry } });
    }
  }
  return events;
}

const isRecordedWithoutEvent = (row: string) => (ACTIONS_RECORDED_WITHOUT_EVENT as readonly string[]).includes((JSON.parse(row) as { action: string }).action);

describe('rebuilding the read models from the streams', () => {
  let projection: ProjectionOnOwnInstance;
  let before: Record<string, string[]>;

  const rebuild = (options: Partial<RebuildOptions> = {}) =>
    rebuildReadModels(
      { nc: projection.nc, instance: projection.instance, live: projection.db.dataSource, databaseUrl: projection.db.url, consumers: [readModelsConsumer(null), AUDIT_CONSUMER], log: () => undefined },
      { model: 'all', swap: false, acceptLoss: false, actor: 'admin', correlationId: 'rebuild-test', ...options },
    );

  /** Every row of every rebuilt table, as sorted JSON without the columns a rebuild does not reproduce. */
  const snapshot = async (): Promise<Record<string, string[]>> => {
    const tables: Record<string, string[]> = {};
    for (const { table, skipped } of TABLES) {
      const rows: Array<Record<string, unknown>> = await projection.db.dataSource.query(`SELECT * FROM ${table}`);
      tables[table] = rows.map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).filter(([column]) => !skipped.includes(column))))).sort();
    }
    return tables;
  };

  /** Every durable consumer has acknowledged every event of every stream it reads. */
  const allApplied = async () => {
    const jsm = await jetstreamManager(projection.nc);
    await waitFor(async () => {
      for (const stream of [projection.streams.runs, projection.streams.catalog, projection.streams.schedules, projection.streams.identity, projection.streams.facts]) {
        const { state } = await jsm.streams.info(stream);
        for await (const consumer of jsm.consumers.list(stream)) if (consumer.config.durable_name && consumer.ack_floor.stream_seq < state.last_seq) return undefined;
      }
      return true;
    }, 30_000, 'every event acknowledged by every durable consumer');
  };

  beforeAll(async () => {
    projection = await startProjectionOnOwnInstance('rebuild');
    for (const { subject, event } of [...recorded, ...aRetriedRun()]) await projection.publisher.publish(subject.replace(`${RECORDED_INSTANCE}.`, `${projection.instance}.`), event);
    await allApplied();
    before = await snapshot();
  });

  afterAll(() => projection?.remove());

  it('holds every kind of read model row to begin with, a retried run among them', async () => {
    const [{ retried }] = await projection.db.dataSource.query(`SELECT count(*)::int AS retried FROM job_runs WHERE attempt = 2 OR (steps -> 'run' ->> 'attempt')::int = 2`);
    expect(retried).toBe(1);
    for (const table of ['job_runs', 'job_log_entries', 'job_run_counts', 'schedules', 'job_definitions', 'audit_entries', 'facts_reports', 'facts_report_entries']) {
      expect({ table, rows: before[table].length }).toEqual({ table, rows: expect.any(Number) });
      expect(before[table].length).toBeGreaterThan(0);
    }
  });

  it('compares every table equal while the projection serves, and swaps nothing', async () => {
    const report = await rebuild();
    expect(report.tables.filter((table) => !table.equal)).toEqual([]);
    expect(report).toMatchObject({ identical: true, swapped: false, unrestorable: 0 });
    expect(report.tables.map((table) => table.table).sort()).toEqual(TABLES.map(({ table }) => table).sort());
    expect(report.eventsApplied).toBeGreaterThan(recorded.length);
    expect(report.streams.every((stream) => stream.failed === 0 && stream.purged === 0)).toBe(true);
    const [{ shadow }] = await projection.db.dataSource.query(`SELECT count(*)::int AS shadow FROM pg_namespace WHERE nspname = 'read_models_rebuild'`);
    expect(shadow).toBe(0);
  });

  it('compares equal while events keep arriving: it catches up with the live projection under a lock on its tables', async () => {
    const logged = recorded.find(({ event }) => event.type === 'run.log')!;
    const publishing = (async () => {
      for (let line = 0; line < 600; line++) {
        const event = { ...logged.event, id: randomUUID(), data: { ...(logged.event.data as object), message: `line ${line}` } };
        await projection.publisher.publish(logged.subject.replace(`${RECORDED_INSTANCE}.`, `${projection.instance}.`), event);
      }
    })();
    const reports = [await rebuild({ model: 'logs' })];
    await publishing;
    reports.push(await rebuild({ model: 'logs' }));
    for (const report of reports) expect(report.tables[0]).toMatchObject({ table: 'job_log_entries', equal: true });
    await allApplied();
    before = await snapshot();
  });

  it('restores every table, identical, after the projection is stopped and its tables dropped', async () => {
    await projection.stop();
    await projection.db.dataSource.query(`DROP TABLE ${TABLES.map(({ table }) => table).join(', ')}, applied_events CASCADE`);
    const report = await rebuild({ swap: true });
    expect(report).toMatchObject({ swapped: true, unrestorable: 0 });
    expect(report.tables.every((table) => table.live === null)).toBe(true);
    const after = await snapshot();
    // What no event made (the earlier compares' own audit entries) went with the dropped table; the swap's entry is new.
    const fromEvents = (tables: Record<string, string[]>) => ({ ...tables, audit_entries: tables.audit_entries.filter((row) => !isRecordedWithoutEvent(row)) });
    expect(fromEvents(after)).toEqual(fromEvents(before));
    expect(after.audit_entries.filter(isRecordedWithoutEvent).map((row) => JSON.parse(row))).toEqual([expect.objectContaining({ action: 'read_models.rebuilt', actor: 'admin', target_id: 'all' })]);
  });

  /** Publishes a new run's request and waits for the live projection to apply and count it. */
  const newRunIsAppliedAndCounted = async () => {
    const runId = randomUUID();
    const requested = recorded.find(({ event }) => event.type === 'run.requested')!;
    const event = { ...requested.event, id: randomUUID(), aggregateId: runId, occurredAt: new Date().toISOString() };
    await projection.publisher.publish(projection.subjects.runEvent(runId, 'requested'), event);
    const jobId = (event.data as { jobId: string }).jobId;
    await waitFor(async () => ((await projection.db.dataSource.query(`SELECT 1 FROM job_runs WHERE id = $1`, [runId])).length === 1 ? true : undefined), 15_000, 'the new run applied');
    const [{ counted, actual }] = await projection.db.dataSource.query(
      `SELECT (SELECT sum(runs)::int FROM job_run_counts WHERE job_id = $1) AS counted, (SELECT count(*)::int FROM job_runs WHERE job_id = $1) AS actual`,
      [jobId],
    );
    expect(counted).toBe(actual);
    await allApplied();
  };

  it('leaves the swapped tables working for the live projection: a new run is applied and counted', async () => {
    await projection.restart();
    await newRunIsAppliedAndCounted();
  });

  it('finds a damaged table, names the first rows that differ and how, and repairs it with a swap', async () => {
    const [{ id }] = await projection.db.dataSource.query(`SELECT id FROM job_runs WHERE status = 'completed' ORDER BY id LIMIT 1`);
    await projection.db.dataSource.query(`UPDATE job_runs SET job_name = 'tampered' WHERE id = $1`, [id]);
    const [{ event_id: auditId }] = await projection.db.dataSource.query(`SELECT event_id FROM audit_entries WHERE action NOT LIKE 'read_models.%' AND action <> 'parked.replayed' ORDER BY event_id LIMIT 1`);
    await projection.db.dataSource.query(`DELETE FROM audit_entries WHERE event_id = $1`, [auditId]);

    const runs = await rebuild({ model: 'runs' });
    expect(runs.identical).toBe(false);
    const jobRuns = runs.tables.find((table) => table.table === 'job_runs')!;
    expect(jobRuns).toMatchObject({ equal: false, onlyLive: 0, onlyRebuilt: 0, differing: 1, differences: [{ key: { id }, kind: 'differs', columns: ['job_name'] }] });
    expect(runs.tables.find((table) => table.table === 'job_run_counts')).toMatchObject({ equal: true });

    // An entry no event makes (an administrator replayed a parked event): no stream holds it, the swap keeps it.
    const replayedId = randomUUID();
    await recordAuditEntry(projection.db.dataSource, {
      eventId: replayedId, occurredAt: new Date().toISOString(), actor: 'admin', action: 'parked.replayed', targetType: 'parked-event', targetId: '7',
      summary: 'replayed parked event 7', correlationId: null, details: {},
    });
    const audit = await rebuild({ model: 'audit', swap: true });
    expect(audit.tables[0]).toMatchObject({ onlyLive: 0, onlyRebuilt: 1, differences: [{ key: { event_id: auditId }, kind: 'only rebuilt' }] });
    expect(await projection.db.dataSource.query(`SELECT 1 FROM audit_entries WHERE event_id = ANY($1::text[])`, [[auditId, replayedId]])).toHaveLength(2);
    expect(await rebuild({ model: 'runs', swap: true })).toMatchObject({ swapped: true });
    expect(await rebuild({ model: 'runs' })).toMatchObject({ identical: true });
    // Swapped under the running projection: it goes on applying to the new tables, its triggers counting.
    await newRunIsAppliedAndCounted();
  });

  it('refuses to start a second rebuild while one runs', async () => {
    const results = await Promise.allSettled([rebuild({ model: 'catalog' }), rebuild({ model: 'catalog' })]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: { code: ErrorCode.RebuildInProgress } });
  });

  it('says what retention took instead of producing less: a swap that would drop rows is refused unless accepted', async () => {
    await allApplied();
    const jsm = await jetstreamManager(projection.nc);
    const { state } = await jsm.streams.info(projection.streams.runs);
    // The first half of the runs stream goes, as retention purges it.
    const purgeBelow = Math.floor(state.last_seq / 2);
    await jsm.streams.purge(projection.streams.runs, { seq: purgeBelow });
    const [{ runs: runsBefore }] = await projection.db.dataSource.query(`SELECT count(*)::int AS runs FROM job_runs`);

    const report = await rebuild({ model: 'runs' });
    expect(report.streams.find((stream) => stream.stream === projection.streams.runs)).toMatchObject({ firstRetained: purgeBelow, purged: purgeBelow - 1 });
    expect(report.unrestorable).toBeGreaterThan(0);
    expect(report.unrestorableBecause).toContain(`${projection.streams.runs} holds events from #${purgeBelow}`);
    await expect(rebuild({ model: 'runs', swap: true })).rejects.toMatchObject({ code: ErrorCode.RebuildWouldLoseRows });
    const [{ runs: runsAfterRefusal }] = await projection.db.dataSource.query(`SELECT count(*)::int AS runs FROM job_runs`);
    expect(runsAfterRefusal).toBe(runsBefore);

    const accepted = await rebuild({ model: 'runs', swap: true, acceptLoss: true });
    expect(accepted.swapped).toBe(true);
    const [{ runs: runsAfter }] = await projection.db.dataSource.query(`SELECT count(*)::int AS runs FROM job_runs`);
    expect(runsAfter).toBe(runsBefore - accepted.tables.find((table) => table.table === 'job_runs')!.onlyLive);
  });
});
