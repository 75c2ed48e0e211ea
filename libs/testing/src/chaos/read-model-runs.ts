/** A run as `GET /api/runs` shows it: what the checker compares. */
export interface ReadModelRun {
  readonly id: string;
  readonly jobId: string;
  readonly status: string;
  readonly data: Record<string, unknown> | null;
  readonly requestedBy: string | null;
  readonly error?: { readonly message?: string } | null;
  readonly steps: Record<string, { readonly attempt: number; readonly worker: string }> | null;
}

const PAGE = 500;

/** Every run of the instance, read through the API with an administrator's token (who sees all runs). */
export async function readModelRuns(apiUrl: string, adminToken: string): Promise<Map<string, ReadModelRun>> {
  const runs = new Map<string, ReadModelRun>();
  for (let offset = 0; ; offset += PAGE) {
    const response = await fetch(`${apiUrl}/api/runs?limit=${PAGE}&offset=${offset}`, {
      headers: { authorization: `Bearer ${adminToken}` },
      signal: AbortSignal.timeout(30_000),
    });
    if (response.status !== 200) throw new Error(`GET /api/runs answered ${response.status}: ${await response.text()}`);
    const page = (await response.json()) as { items: ReadModelRun[]; total: number };
    for (const run of page.items) runs.set(run.id, run);
    if (page.items.length < PAGE || offset + PAGE >= page.total) return runs;
  }
}
