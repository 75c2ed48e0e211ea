/**
 * The Postgres channel the projection notifies, inside the transaction that ends a run, with the run's id as the
 * payload. Postgres delivers a notification only when that transaction commits, so a listener that reads the run
 * on waking finds it ended (`GET /api/runs/{id}?waitForEnd=`).
 */
export const RUN_ENDED_CHANNEL = 'yard_run_ended';
