/** What every server a test owns can do: be stopped for good, its data folder removed. */
interface Disposable {
  dispose(): Promise<void>;
}

/**
 * Starts several servers of the test's own at once. When one cannot start, the ones that did are disposed before the
 * error is thrown: left running, their child processes would keep Jest from exiting after the run.
 */
export async function startTogether<T extends readonly Disposable[]>(starters: { readonly [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(starters.map((start) => start()));
  const failure = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (!failure) return settled.map((result) => (result as PromiseFulfilledResult<Disposable>).value) as unknown as T;
  await Promise.allSettled(settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value.dispose()] : [])));
  throw failure.reason;
}
