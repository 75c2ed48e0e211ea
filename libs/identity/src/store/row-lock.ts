/**
 * How a transaction that writes about a user (or a group) holds its row until it commits: `share` while it adds
 * rows that point at it (grants, tokens, memberships), `update` while it changes or deletes it. A concurrent delete
 * then either waits for it or, having committed first, leaves nothing to find: USER_NOT_FOUND (GROUP_NOT_FOUND),
 * never a foreign-key violation, nor a change written to a row that no longer exists.
 */
export type RowLock = 'share' | 'update';

/** TypeORM's name for each lock (FOR SHARE, FOR UPDATE); it needs a transaction. */
export function lockOf(lock: RowLock | undefined): { lock?: { mode: 'pessimistic_read' | 'pessimistic_write' } } {
  if (lock === undefined) return {};
  return { lock: { mode: lock === 'share' ? 'pessimistic_read' : 'pessimistic_write' } };
}
