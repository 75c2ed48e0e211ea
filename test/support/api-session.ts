import { waitFor } from '@yardmaster/testing';

const TERMINAL_STATUSES = ['completed', 'failed', 'errored', 'cancelled', 'timed_out'];

/** The REST API as one token's holder sees it: every request carries `Authorization: Bearer <token>`. */
export class ApiSession {
  constructor(
    readonly apiUrl: string,
    readonly token: string,
  ) {}

  /** The headers of an authenticated request, plus `extra`. */
  headers(extra: Record<string, string> = {}): Record<string, string> {
    return { authorization: `Bearer ${this.token}`, ...extra };
  }

  async request(method: string, path: string, body?: unknown): Promise<{ status: number; headers: Headers; body: any }> {
    const response = await fetch(`${this.apiUrl}${path}`, {
      method,
      headers: this.headers(body === undefined ? {} : { 'content-type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? null : JSON.parse(text) };
  }

  /** POSTs a resource that must be created (201) and answers it; anything else throws with the answer. */
  async create(path: string, body: object): Promise<any> {
    const created = await this.request('POST', path, body);
    if (created.status !== 201) throw new Error(`POST ${path}: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body;
  }

  async getJson(path: string): Promise<{ status: number; body: any }> {
    const response = await fetch(`${this.apiUrl}${path}`, { headers: this.headers() });
    return { status: response.status, body: await response.json() };
  }

  async post(path: string, body: string, contentType = 'application/json'): Promise<{ status: number; headers: Headers; body: any }> {
    const response = await fetch(`${this.apiUrl}${path}`, { method: 'POST', headers: this.headers({ 'content-type': contentType }), body });
    return { status: response.status, headers: response.headers, body: await response.json() };
  }

  sendPatch(path: string, body: object): Promise<{ status: number; body: any }> {
    return this.request('PATCH', path, body);
  }

  sendPut(path: string, body: unknown): Promise<{ status: number; body: any }> {
    return this.request('PUT', path, body);
  }

  sendDelete(path: string): Promise<{ status: number; body: any }> {
    return this.request('DELETE', path);
  }

  /** Starts a run and returns its id, failing the test if the run is not accepted. */
  async startRun(jobId: string, body: object = {}): Promise<string> {
    const response = await this.post(`/api/jobs/${jobId}/runs`, JSON.stringify(body));
    if (response.status !== 202) throw new Error(`Run of ${jobId} not accepted: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.runId;
  }

  /** Waits until the run's read model satisfies `predicate`, and returns it. */
  async waitForRun(runId: string, predicate: (run: any) => boolean, what: string, timeoutMs = 20_000): Promise<any> {
    return waitFor(
      async () => {
        const { status, body } = await this.getJson(`/api/runs/${runId}`);
        return status === 200 && predicate(body) ? body : undefined;
      },
      timeoutMs,
      `run ${runId}: ${what}`,
    );
  }

  /** Waits until the run's read model shows a terminal status, and returns it. */
  waitForRunToEnd(runId: string, timeoutMs = 20_000): Promise<any> {
    return this.waitForRun(runId, (run) => TERMINAL_STATUSES.includes(run.status), 'to end', timeoutMs);
  }

  async logsOf(runId: string): Promise<Array<{ level: string; grouping: string; message: string; attempt: number }>> {
    return (await this.getJson(`/api/runs/${runId}/logs?limit=500`)).body.items;
  }
}
