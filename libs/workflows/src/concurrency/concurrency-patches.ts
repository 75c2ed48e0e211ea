/** The run waits for a limit's slot in the workflow (signal or timer between short claims), not in an activity. */
export const CONCURRENCY_WAIT_PATCH = 'concurrency-wait-in-the-workflow';
/** A run gives its slot back after its terminal event and signals the runs that may claim it. */
export const CONCURRENCY_RELEASE_PATCH = 'concurrency-release-wakes-the-next';
