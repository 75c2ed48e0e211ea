import { defineSearchAttributeKey } from '@temporalio/common';
import { SEARCH_ATTRIBUTE_NAMES } from '@yardmaster/contracts/workflow';
import type { RunStatus } from '@yardmaster/contracts';
import { upsertSearchAttributes } from '@temporalio/workflow';

export const RUN_STATUS_KEY = defineSearchAttributeKey(SEARCH_ATTRIBUTE_NAMES.runStatus, 'KEYWORD');

/** Keeps the workflow's `YardRunStatus` equal to the run's status, for filtering in the Web UI. */
export function markRunStatus(status: RunStatus): void {
  upsertSearchAttributes([{ key: RUN_STATUS_KEY, value: status }]);
}
