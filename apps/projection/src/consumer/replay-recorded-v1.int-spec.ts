/**
 * Replays a stream written by version 1 (libs/contracts/src/event-contract/recorded/events-v1.jsonl: every event type,
 * as a whole stack wrote them: runs of every ending, a cancel, a scheduled start, a job override, identity changes,
 * a plan run with a failed device and entries applied and skipped) into the whole projection on an instance of its
 * own, over the real NATS server and Postgres: everything is applied through the upcasters and the current schemas,
 * nothing is parked, and the read models hold what the events say. A change of an event's shape that would leave
 * older streams unreadable fails here (and in recorded-stream.spec.ts) until it ships its upcaster.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TERMINAL_RUN_EVENT_TYPES, type EventEnvelope } from '@yardmaster/contracts';
import { listParked } from '@yardmaster/messaging';
import { waitFor } from '@yardmaster/testing';
import { startProjectionOnOwnInstance, type ProjectionOnOwnInstance } from '../test-support/projection-on-own-instance';

jest.setTimeout(90_000);

const RECORDING = join(__dirname, '../../../../libs/contracts/src/event-contract/recorded/events-v1.jsonl');
/** The instance the recording was made on: its subjects start with it. */
const RECORDED_INSTANCE = 'evrec';

interface RecordedEvent {
  readonly stream: string;
  readonly subject: string;
  readonly event: EventEnvelope;
}

const recorded: RecordedEvent[] = readFileSync(RECORDING, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as RecordedEvent);

/** What the recording says each run became: the status its one terminal event names. */
function expectedRunStatuses(): Map<string, string> {
  const statuses = new Map<string, string>();
  for (const { event } of recorded) {
    if ((TERMINAL_RUN_EVENT_TYPES as readonly string[]).includes(event.type)) statuses.set(event.aggregateId, event.type.slice('run.'.length));
  }
  return statuses;
}

describe('a stream written by version 1, replayed into this build’s projection', () => {
  let projection: ProjectionOnOwnInstance;

  beforeAll(async () => {
    projection = await startProjectionOnOwnInstance('replayv1');
    for (const { subject, event } of recorded) await projection.publisher.publish(subject.replace(`${RECORDED_INSTANCE}.`, `${projection.instance}.`), event);
  });

  afterAll(() => projection?.remove());

  it('applies every run event: each run reads the status its terminal event names', async () => {
    const expected = expectedRunStatuses();
    expect(expected.size).toBe(7);
    const query = () => projection.db.dataSource.query(`SELECT id, status FROM job_runs`) as Promise<Array<{ id: string; status: string }>>;
    const rows = await waitFor(async () => {
      const found = await query();
      return found.length === expected.size && found.every((row) => expected.get(row.id) === row.status) ? found : undefined;
    }, 30_000, 'the recorded runs with their endings');
    expect(new Set(rows.map((row) => row.status))).toEqual(new Set(['completed', 'failed', 'errored', 'cancelled', 'timed_out']));
  });

  it('applies the facts report with its failed device and its applied and skipped entries, the catalog and the schedules', async () => {
    const [report] = await waitFor(async () => {
      const found = await projection.db.dataSource.query(`SELECT status, devices_total, devices_failed, closed_at FROM facts_reports`);
      return found.length === 1 && found[0].closed_at !== null ? found : undefined;
    }, 30_000, 'the recorded facts report, closed');
    expect(report).toMatchObject({ devices_total: 2, devices_failed: 1 });
    const resolutions = await waitFor(async () => {
      const found: Array<{ status: string; count: number }> = await projection.db.dataSource.query(`SELECT status, count(*)::int AS count FROM facts_report_entries GROUP BY status`);
      return found.some((row) => row.status === 'applied') && found.some((row) => row.status === 'skipped') ? found : undefined;
    }, 30_000, 'an applied and a skipped entry');
    expect(resolutions.find((row) => row.status === 'applied')?.count).toBe(1);
    expect(resolutions.find((row) => row.status === 'skipped')?.count).toBe(1);
    const [{ jobs }] = await projection.db.dataSource.query(`SELECT count(*)::int AS jobs FROM job_definitions`);
    expect(jobs).toBeGreaterThan(10);
    const [{ schedules }] = await projection.db.dataSource.query(`SELECT count(*)::int AS schedules FROM schedules`);
    expect(schedules).toBeGreaterThan(0);
  });

  it('audits the identity changes, and parks nothing', async () => {
    const identityIds = recorded.filter(({ stream }) => stream === 'identity').map(({ event }) => event.id);
    expect(identityIds.length).toBeGreaterThan(10);
    await waitFor(async () => {
      const [{ count }] = await projection.db.dataSource.query(`SELECT count(*)::int AS count FROM audit_entries WHERE event_id = ANY($1::text[])`, [identityIds]);
      return count === identityIds.length ? true : undefined;
    }, 30_000, 'an audit entry for each identity event');
    expect(await listParked(projection.nc, projection.streams.parked, 100)).toEqual([]);
  });
});
