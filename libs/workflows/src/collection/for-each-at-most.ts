/**
 * Runs `work` on each item with at most `limit` at once, starting them in order, and resolves when all have ended.
 * Deterministic in a workflow: which item starts next depends only on which ended, as history records it. `work`
 * must not reject (it settles its own failures); `stopped` is asked before each start, so a cancelled plan starts
 * no further device while the ones in flight end.
 */
export async function forEachAtMost<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>, stopped: () => boolean = () => false): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length && !stopped()) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  const lanes = Math.max(1, Math.min(limit, items.length));
  await Promise.all(Array.from({ length: lanes }, lane));
}
