/**
 * RunEndNotifications against a real Postgres database of its own: an end announced on the channel (as the
 * projection announces it, inside its transaction) wakes the waits for that run only, once committed; shutting
 * down wakes every wait.
 */
import { randomUUID } from 'node:crypto';
import { RUN_ENDED_CHANNEL } from '@yardmaster/read-models';
import { createTestDatabase, type TestDatabase } from '@yardmaster/testing';
import { RunEndNotifications } from './run-end-notifications';

jest.setTimeout(30_000);

/** Long enough that a wait which ends sooner was woken, not timed out. */
const LONG_WAIT_MS = 20_000;

let db: TestDatabase;
let notifications: RunEndNotifications;

beforeAll(async () => {
  db = await createTestDatabase();
});

beforeEach(async () => {
  notifications = new RunEndNotifications({ databaseUrl: db.url, applicationName: 'run-end-notifications-tests' });
  await notifications.onModuleInit();
});

afterEach(async () => {
  await notifications.beforeApplicationShutdown();
});

afterAll(async () => {
  await db?.drop();
});

function announceEnd(runId: string): Promise<unknown> {
  return db.dataSource.query(`SELECT pg_notify($1, $2)`, [RUN_ENDED_CHANNEL, runId]);
}

it('listens once started', () => {
  expect(notifications.listening).toBe(true);
});

it("wakes every wait for the run whose end is announced, and leaves another run's waits waiting", async () => {
  const ended = randomUUID();
  const other = randomUUID();
  const first = notifications.next(ended, LONG_WAIT_MS);
  const second = notifications.next(ended, LONG_WAIT_MS);
  const unrelated = notifications.next(other, LONG_WAIT_MS);

  await announceEnd(ended);

  await expect(first.woken).resolves.toBe('notified');
  await expect(second.woken).resolves.toBe('notified');
  unrelated.cancel();
  await expect(unrelated.woken).resolves.toBe('timeout');
});

it('wakes nobody for an end announced in a transaction that rolled back, and the waiter once one commits', async () => {
  const runId = randomUUID();
  const wait = notifications.next(runId, LONG_WAIT_MS);
  const woken: string[] = [];
  void wait.woken.then((wakeup) => woken.push(wakeup));

  await db.dataSource.transaction(async (manager) => {
    await manager.query(`SELECT pg_notify($1, $2)`, [RUN_ENDED_CHANNEL, runId]);
    throw new Error('rolled back');
  }).catch(() => undefined);
  // Postgres delivers notifications in commit order: anything the rolled-back transaction announced would come first.
  const marker = randomUUID();
  const markerWait = notifications.next(marker, LONG_WAIT_MS);
  await announceEnd(marker);
  await expect(markerWait.woken).resolves.toBe('notified');
  expect(woken).toEqual([]);

  await announceEnd(runId);
  await expect(wait.woken).resolves.toBe('notified');
});

it('listens again after its connection is lost, and then wakes waits as before', async () => {
  await db.dataSource.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'run-end-notifications-tests' AND datname = current_database()`);
  await until(() => !notifications.listening);
  await until(() => notifications.listening);
  const runId = randomUUID();
  const wait = notifications.next(runId, LONG_WAIT_MS);

  await announceEnd(runId);

  await expect(wait.woken).resolves.toBe('notified');
});

it('ends a wait when its time is up', async () => {
  await expect(notifications.next(randomUUID(), 10).woken).resolves.toBe('timeout');
});

it('wakes every wait when the API shuts down, and answers later waits at once', async () => {
  const wait = notifications.next(randomUUID(), LONG_WAIT_MS);

  await notifications.beforeApplicationShutdown();

  await expect(wait.woken).resolves.toBe('closing');
  await expect(notifications.next(randomUUID(), LONG_WAIT_MS).woken).resolves.toBe('closing');
  expect(notifications.listening).toBe(false);
});

/** Resolves once `condition` holds, checking every 50 ms (the test's own timeout bounds it). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 50));
}
