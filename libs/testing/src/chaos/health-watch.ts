/**
 * How long after `since` the API's `/api/health` first answered 200, polling every 250 ms; null when it did not
 * within `timeoutMs`.
 */
export async function timeUntilHealthy(apiUrl: string, since: number, timeoutMs: number): Promise<number | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const status = await fetch(`${apiUrl}/api/health`, { signal: AbortSignal.timeout(5_000) }).then(
      (response) => response.status,
      () => null,
    );
    if (status === 200) return Date.now() - since;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return null;
}
