import { defineSearchAttributeKey, type SearchAttributePair } from '@temporalio/common';
import { SEARCH_ATTRIBUTE_NAMES, type RunWorkflowInput } from '@yardmaster/contracts';

const keys = {
  jobId: defineSearchAttributeKey(SEARCH_ATTRIBUTE_NAMES.jobId, 'KEYWORD'),
  runStatus: defineSearchAttributeKey(SEARCH_ATTRIBUTE_NAMES.runStatus, 'KEYWORD'),
  requestedBy: defineSearchAttributeKey(SEARCH_ATTRIBUTE_NAMES.requestedBy, 'KEYWORD'),
  queue: defineSearchAttributeKey(SEARCH_ATTRIBUTE_NAMES.queue, 'KEYWORD'),
};

/** What a run's workflow starts with; the workflow keeps `YardRunStatus` current from then on. */
export function runSearchAttributes(input: RunWorkflowInput): SearchAttributePair[] {
  return [
    { key: keys.jobId, value: input.jobId },
    { key: keys.runStatus, value: input.startAt ? 'scheduled' : 'queued' },
    { key: keys.requestedBy, value: input.requestedBy },
    { key: keys.queue, value: input.queue },
  ];
}
