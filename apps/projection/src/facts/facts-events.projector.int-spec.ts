/**
 * The facts report projection through the whole projection module (on an instance and a Postgres database of
 * its own), fed over the real NATS server as the collector and the API publish: a report opened, entries in
 * chunks per device, a device that failed, the report closed, entries resolved. A redelivered event (the same
 * id stored again, as after a crash between commit and ack) changes nothing, a second resolution of an entry is
 * ignored, and replaying the stream from its start into emptied tables builds the same rows.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { factsEventKind, newEvent, type FactsEntry, type FactsEvent } from '@yardmaster/contracts';
import { waitFor } from '@yardmaster/testing';
import { startProjectionOnOwnInstance, type ProjectionOnOwnInstance } from '../test-support/projection-on-own-instance';

jest.setTimeout(60_000);

let projection: ProjectionOnOwnInstance;

beforeAll(async () => {
  projection = await startProjectionOnOwnInstance('fact');
});

afterAll(() => projection?.remove());

const REPORT = randomUUID();
const AT = '2026-03-01T10:00:00.000Z';

function factsEvent<TType extends FactsEvent['type']>(type: TType, id: string, data: Extract<FactsEvent, { type: TType }>['data'], actor = 'system:collector'): FactsEvent {
  return newEvent({ id: `${REPORT}:${id}`, type, occurredAt: AT, aggregateId: REPORT, sequence: 1, correlationId: REPORT, actor, data }) as FactsEvent;
}

async function publish(event: FactsEvent): Promise<void> {
  await projection.publisher.publish(projection.subjects.factsEvent(REPORT, factsEventKind(event.type)), event);
}

/** The same event stored again without its msgID, so JetStream keeps both: what the projection sees on a redelivery. */
async function publishAgainAsRedelivery(event: FactsEvent): Promise<void> {
  await jetstream(projection.nc).publish(projection.subjects.factsEvent(REPORT, factsEventKind(event.type)), JSON.stringify(event));
}

function entry(id: string, deviceId: string, fields: Partial<FactsEntry>): FactsEntry {
  return {
    id: `${REPORT}:${id}`,
    collectorType: 'interfaces',
    deviceId,
    deviceName: deviceId === 'd1' ? 'sw1' : 'sw2',
    objectType: 'interface',
    key: id,
    action: 'new',
    objectId: null,
    detected: { deviceId, name: id },
    current: null,
    ...fields,
  };
}

const ENTRIES = {
  d1a: [entry('Gi0/1', 'd1', {}), entry('Gi0/2', 'd1', { action: 'changed', objectId: 'if-2', current: { deviceId: 'd1', name: 'Gi0/2', mtu: 1500 } })],
  d1b: [
    entry('10.0.0.1/24', 'd1', { collectorType: 'ip_addresses', objectType: 'ip_address', action: 'confirmed', objectId: 'ip-1', detected: { address: '10.0.0.1/24' }, current: { address: '10.0.0.1/24' } }),
    entry('PSU 1', 'd1', { collectorType: 'inventory', objectType: 'inventory_item', action: 'stale', objectId: 'item-1', detected: null, current: { deviceId: 'd1', name: 'PSU 1' } }),
  ],
  d2: [entry('aa:bb:cc:dd:ee:ff', 'd2', { collectorType: 'mac_table', objectType: 'mac_entry', detected: { deviceId: 'd2', mac: 'aa:bb:cc:dd:ee:ff' } })],
};

const opened = factsEvent('facts.report_opened', 'opened', {
  runId: REPORT,
  planId: 'plan-1',
  planName: 'Core switches',
  detectOnly: true,
  collectorTypes: ['interfaces', 'ip_addresses', 'inventory', 'mac_table'],
  devices: [
    { id: 'd1', name: 'sw1' },
    { id: 'd2', name: 'sw2' },
    { id: 'd3', name: 'sw3' },
  ],
  openedAt: AT,
});
const d1PartOne = factsEvent('facts.entries_detected', 'd1:1', { deviceId: 'd1', deviceName: 'sw1', part: 1, parts: 2, entries: ENTRIES.d1a });

interface ReportRow {
  status: string;
  plan_name: string;
  devices_total: number;
  devices_collected: number;
  devices_failed: number;
  failed_devices: unknown[];
  entries_total: number;
  entries_expected: number | null;
  new_entries: number;
  changed_entries: number;
  confirmed_entries: number;
  stale_entries: number;
  pending_entries: number;
  applied_entries: number;
  skipped_entries: number;
  failed_entries: number;
}

async function report(): Promise<ReportRow | undefined> {
  const rows: ReportRow[] = await projection.db.dataSource.query(`SELECT * FROM facts_reports WHERE id = $1`, [REPORT]);
  return rows[0];
}

async function entryStatuses(): Promise<Record<string, { status: string; object_id: string | null; error_code: string | null; resolved_by: string | null }>> {
  const rows: Array<{ key: string; status: string; object_id: string | null; error_code: string | null; resolved_by: string | null }> = await projection.db.dataSource.query(
    `SELECT key, status, object_id, error_code, resolved_by FROM facts_report_entries WHERE report_id = $1`,
    [REPORT],
  );
  return Object.fromEntries(rows.map(({ key, ...rest }) => [key, rest]));
}

async function everyRow(): Promise<unknown[]> {
  const reports = await projection.db.dataSource.query(`SELECT * FROM facts_reports ORDER BY id`);
  const entries = await projection.db.dataSource.query(`SELECT * FROM facts_report_entries ORDER BY report_id, id`);
  return [reports, entries];
}

it('builds the report from its events: counts by action and status, devices, failures, and the status once closed', async () => {
  await publish(opened);
  await publish(d1PartOne);
  await waitFor(async () => ((await report())?.entries_total === 2 ? true : undefined), 15_000, 'the first chunk');
  expect(await report()).toMatchObject({ status: 'collecting', plan_name: 'Core switches', devices_total: 3, devices_collected: 0, new_entries: 1, changed_entries: 1 });

  await publish(factsEvent('facts.entries_detected', 'd1:2', { deviceId: 'd1', deviceName: 'sw1', part: 2, parts: 2, entries: ENTRIES.d1b }));
  await publish(factsEvent('facts.device_failed', 'd3:failed', { deviceId: 'd3', deviceName: 'sw3', code: 'SNMP_TIMEOUT', message: 'No answer from 192.0.2.3:161 within 60 s' }));
  await publish(factsEvent('facts.entries_detected', 'd2:1', { deviceId: 'd2', deviceName: 'sw2', part: 1, parts: 1, entries: ENTRIES.d2 }));
  await publish(factsEvent('facts.report_closed', 'closed', { closedAt: '2026-03-01T10:05:00.000Z', devicesCollected: 2, devicesFailed: 1, entries: 5 }));
  await waitFor(async () => ((await report())?.entries_expected === 5 ? true : undefined), 15_000, 'the closed report');

  expect(await report()).toMatchObject({
    status: 'pending',
    devices_total: 3,
    devices_collected: 2,
    devices_failed: 1,
    failed_devices: [{ deviceId: 'd3', deviceName: 'sw3', code: 'SNMP_TIMEOUT', message: 'No answer from 192.0.2.3:161 within 60 s' }],
    entries_total: 5,
    new_entries: 2,
    changed_entries: 1,
    confirmed_entries: 1,
    stale_entries: 1,
    pending_entries: 5,
    applied_entries: 0,
  });
});

it('applies a redelivered event once, and only the first resolution of an entry', async () => {
  await publishAgainAsRedelivery(d1PartOne);
  const resolvedByAnn = factsEvent(
    'facts.entries_resolved',
    'resolved:1',
    {
      resolvedBy: 'ann',
      resolvedAt: '2026-03-01T11:00:00.000Z',
      entries: [
        { id: `${REPORT}:Gi0/1`, status: 'applied', error: null, objectId: 'if-new-1' },
        { id: `${REPORT}:Gi0/2`, status: 'failed', error: { code: 'INVENTORY_CONFLICT', message: 'taken' }, objectId: null },
      ],
    },
    'ann',
  );
  await publish(resolvedByAnn);
  await publishAgainAsRedelivery(resolvedByAnn);
  // A later resolution of an entry already resolved (another request that raced the first) is ignored.
  await publish(
    factsEvent('facts.entries_resolved', 'resolved:2', { resolvedBy: 'bob', resolvedAt: '2026-03-01T11:01:00.000Z', entries: [{ id: `${REPORT}:Gi0/1`, status: 'skipped', error: null, objectId: null }] }, 'bob'),
  );
  // The stream is read in order: once the last event is applied, so is every one before it.
  const consumerName = projection.streams.projectionConsumer;
  const jsm = await jetstreamManager(projection.nc);
  const { state } = await jsm.streams.info(projection.streams.facts);
  await waitFor(async () => ((await jsm.consumers.info(projection.streams.facts, consumerName)).ack_floor.stream_seq >= state.last_seq ? true : undefined), 15_000, 'every event acked');

  expect(await report()).toMatchObject({ status: 'partial', entries_total: 5, new_entries: 2, pending_entries: 3, applied_entries: 1, failed_entries: 1, skipped_entries: 0 });
  const entries = await entryStatuses();
  expect(entries['Gi0/1']).toEqual({ status: 'applied', object_id: 'if-new-1', error_code: null, resolved_by: 'ann' });
  expect(entries['Gi0/2']).toEqual({ status: 'failed', object_id: 'if-2', error_code: 'INVENTORY_CONFLICT', resolved_by: 'ann' });
  expect(entries['PSU 1']).toMatchObject({ status: 'pending', resolved_by: null });
});

it('rebuilds the same rows when the stream is replayed into emptied tables', async () => {
  const before = await everyRow();
  await projection.stop();
  const jsm = await jetstreamManager(projection.nc);
  await jsm.consumers.delete(projection.streams.facts, projection.streams.projectionConsumer);
  await projection.db.dataSource.query(`TRUNCATE facts_reports, facts_report_entries`);
  await projection.db.dataSource.query(`DELETE FROM applied_events WHERE stream = $1`, [projection.streams.facts]);

  await projection.restart();
  await waitFor(async () => ((await report())?.applied_entries === 1 ? true : undefined), 15_000, 'the replayed report');

  expect(await everyRow()).toEqual(before);
});
