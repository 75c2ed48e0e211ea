export const RUN_STATUSES = [
  'pending',
  'scheduled',
  'queued',
  'running',
  'completed',
  'failed',
  'errored',
  'cancelled',
  'timed_out',
] as const;

export type RunStatus = (typeof RUN_STATUSES)[number];

export const TERMINAL_RUN_STATUSES: readonly RunStatus[] = ['completed', 'failed', 'errored', 'cancelled', 'timed_out'];

export function isTerminalRunStatus(status: RunStatus): boolean {
  return TERMINAL_RUN_STATUSES.includes(status);
}

export function isRunStatus(value: unknown): value is RunStatus {
  return typeof value === 'string' && (RUN_STATUSES as readonly string[]).includes(value);
}

/**
 * The order in which a run moves. A late or replayed event never moves a run to a lower rank,
 * and all terminal states share the highest rank so the first terminal event wins.
 */
export function runStatusRank(status: RunStatus): number {
  switch (status) {
    case 'pending':
      return 0;
    case 'scheduled':
      return 1;
    case 'queued':
      return 2;
    case 'running':
      return 3;
    default:
      return 4;
  }
}
