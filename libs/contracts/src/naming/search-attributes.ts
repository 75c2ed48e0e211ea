/**
 * Temporal search attributes (all Keyword) that run workflows carry, so the Web UI and
 * `temporal workflow list --query "YardJobId='examples.HelloWorld'"` can filter runs.
 */
export const SEARCH_ATTRIBUTE_NAMES = {
  jobId: 'YardJobId',
  runStatus: 'YardRunStatus',
  requestedBy: 'YardRequestedBy',
  queue: 'YardQueue',
} as const;
