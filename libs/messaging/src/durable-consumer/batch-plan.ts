/** How one pull of messages is handled: `together` in one batch, then `alone`, each by itself. */
export interface BatchPlan<T> {
  readonly together: readonly T[];
  readonly alone: readonly T[];
}

/**
 * Splits messages (in stream order) into those applied together and those applied one by one. A message that
 * already failed in this process goes alone, so that one poisonous event fails only itself from then on instead
 * of every batch it lands in; a lone message is no batch either.
 */
export function planBatch<T>(messages: readonly T[], failedBefore: (message: T) => boolean, batching: boolean): BatchPlan<T> {
  if (!batching) return { together: [], alone: messages };
  const together = messages.filter((message) => !failedBefore(message));
  const alone = messages.filter(failedBefore);
  if (together.length < 2) return { together: [], alone: messages };
  return { together, alone };
}
