import {
  auditEntryViewSchema,
  cancelRunAcceptedSchema,
  collectionPlanViewSchema,
  fieldErrorsOf,
  jobViewSchema,
  logEntryViewSchema,
  meViewSchema,
  pageSchema,
  parkedEventListViewSchema,
  replayParkedResultSchema,
  runViewSchema,
  scheduleViewSchema,
  startRunAcceptedSchema,
  type AuditEntryView,
  type CancelRunAccepted,
  type CollectionPlanView,
  type Contract,
  type ErrorBody,
  type JobView,
  type LogEntryView,
  type MeView,
  type Page,
  type ParkedEventListView,
  type PlanRunBody,
  type ReplayParkedResult,
  type RunView,
  type ScheduleView,
  type StartRunAccepted,
  type StartRunRequest,
} from '@yardmaster/contracts';
import { ApiError, ApiUnreachableError, MalformedAnswerError, messageOf, UsageError } from './errors';
import type { RunFilePart } from './run-files';
import type { SavedLogin } from './saved-login';
import { randomUUID } from 'node:crypto';

export const DEFAULT_URL = 'http://127.0.0.1:3000';

/** `fetch`'s shape, so that tests can hand in a fake. */
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export type Query = Readonly<Record<string, string | number | boolean | undefined>>;

/** How long `startRun` waits before its one retry with the same Idempotency-Key. */
const START_RETRY_DELAY_MS = 1_000;

/** The most a list asks for at once (the API's maximum). */
const PAGE_SIZE = 500;

/**
 * The REST API, as the CLI uses it: JSON in and out, the bearer token on every request when there is one,
 * and every error answer turned into an `ApiError` that carries the API's `{ code, message, fieldErrors }`.
 */
export class ApiClient {
  constructor(
    /** The API's origin (and path prefix, if any), without a trailing slash: `http://127.0.0.1:3000`. */
    readonly baseUrl: string,
    private readonly token: string | undefined = undefined,
    private readonly fetchImpl: FetchLike = (url, init) => fetch(url, init),
  ) {}

  /**
   * From `YARD_URL` and `YARD_TOKEN`, else from what `yard login` saved, else http://127.0.0.1:3000 without a token.
   * The saved token goes only to the saved address, never to another `YARD_URL`.
   */
  static fromEnvironment(env: NodeJS.ProcessEnv, fetchImpl?: FetchLike, saved: SavedLogin | null = null): ApiClient {
    const url = env.YARD_URL?.trim() || saved?.url || DEFAULT_URL;
    const client = ApiClient.create(url, undefined, fetchImpl);
    const savedToken = saved && ApiClient.create(saved.url, undefined, fetchImpl).baseUrl === client.baseUrl ? saved.token : undefined;
    return ApiClient.create(url, env.YARD_TOKEN?.trim() || savedToken, fetchImpl);
  }

  /** A client for this address (a usage error when it is not an http(s) URL) and token. */
  static create(rawUrl: string, token: string | undefined, fetchImpl?: FetchLike): ApiClient {
    const raw = rawUrl.trim();
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new UsageError(`YARD_URL is not a URL: ${JSON.stringify(raw)}`, ['e.g. YARD_URL=http://127.0.0.1:3000']);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new UsageError(`YARD_URL must be an http or https URL, not ${JSON.stringify(raw)}`);
    }
    const base = `${url.origin}${url.pathname}`.replace(/\/+$/, '').replace(/\/api$/, '');
    return new ApiClient(base, token || undefined, fetchImpl);
  }

  /** Whether requests carry a token. */
  get hasToken(): boolean {
    return this.token !== undefined;
  }

  // ------------------------------------------------------------------------------------------------------------
  // Endpoints
  // ------------------------------------------------------------------------------------------------------------

  /** Who the token belongs to, and what they may do. */
  me(): Promise<MeView> {
    return this.getJson('/api/me', meViewSchema);
  }

  jobs(): Promise<JobView[]> {
    return this.getAll('/api/jobs', jobViewSchema);
  }

  job(jobId: string): Promise<JobView> {
    return this.getJson(`/api/jobs/${encodeURIComponent(jobId)}`, jobViewSchema);
  }

  /**
   * JSON, or multipart/form-data when there are files: each file a part named after its variable. Sent with an
   * Idempotency-Key, and sent once more with the same key when the connection failed or the API answered 503, so a
   * lost answer never makes a second run.
   */
  async startRun(jobId: string, body: StartRunRequest, files: readonly RunFilePart[] = [], idempotencyKey: string = randomUUID()): Promise<StartRunAccepted> {
    const path = `/api/jobs/${encodeURIComponent(jobId)}/runs`;
    const send = () => this.request('POST', path, startRunAcceptedSchema, {}, files.length === 0 ? body : runForm(body, files), { 'idempotency-key': idempotencyKey });
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof ApiUnreachableError) && !(error instanceof ApiError && error.status === 503)) throw error;
      await new Promise((resolve) => setTimeout(resolve, START_RETRY_DELAY_MS));
      return send();
    }
  }

  runs(query: { jobId?: string; status?: string; limit?: number }): Promise<Page<RunView>> {
    return this.getJson('/api/runs', pageSchema(runViewSchema), query);
  }

  audit(query: { actor?: string; action?: string; limit?: number }): Promise<Page<AuditEntryView>> {
    return this.getJson('/api/audit', pageSchema(auditEntryViewSchema), query);
  }

  parkedEvents(): Promise<ParkedEventListView> {
    return this.getJson('/api/parked-events', parkedEventListViewSchema);
  }

  /** One parked event by id, or all of them when `id` is null. */
  replayParked(id: string | null): Promise<ReplayParkedResult> {
    return this.postJson(id === null ? '/api/parked-events/replay' : `/api/parked-events/${encodeURIComponent(id)}/replay`, replayParkedResultSchema);
  }

  run(runId: string): Promise<RunView> {
    return this.getJson(`/api/runs/${encodeURIComponent(runId)}`, runViewSchema);
  }

  /** Every log entry of the run, in the order written, paging through as many requests as it takes. */
  /**
   * Every entry written so far, paged by position (`after=`), not by offset: each page starts where the last one
   * ended however long the log is, and an entry written while paging never shifts a page or is read twice.
   */
  async logs(runId: string): Promise<LogEntryView[]> {
    const path = `/api/runs/${encodeURIComponent(runId)}/logs`;
    const pageView = pageSchema(logEntryViewSchema);
    const entries: LogEntryView[] = [];
    for (;;) {
      const last = entries.at(-1);
      const page = await this.getJson(path, pageView, { limit: PAGE_SIZE, ...(last ? { after: last.position } : {}) });
      entries.push(...page.items);
      // With `after`, the total counts the entries after the cursor: this page held them all.
      if (page.items.length === 0 || page.items.length >= page.total) return entries;
    }
  }

  cancelRun(runId: string): Promise<CancelRunAccepted> {
    return this.postJson(`/api/runs/${encodeURIComponent(runId)}/cancel`, cancelRunAcceptedSchema);
  }

  schedules(query: { jobId?: string; state?: string }): Promise<ScheduleView[]> {
    return this.getAll('/api/schedules', scheduleViewSchema, query);
  }

  collectionPlans(query: { q?: string; enabled?: boolean; priority?: string }): Promise<CollectionPlanView[]> {
    return this.getAll('/api/collection-plans', collectionPlanViewSchema, query);
  }

  /** A plan's run, answered as a job's run is. Not retried: a second request while the first run is queued is a 409. */
  startPlanRun(planId: string, body: PlanRunBody): Promise<StartRunAccepted> {
    return this.postJson(`/api/collection-plans/${encodeURIComponent(planId)}/runs`, startRunAcceptedSchema, body);
  }

  /**
   * Opens `GET /api/runs/{runId}/events` and returns the response as it came, whatever its status (the caller
   * tells a 204 "nothing more", an error worth retrying and one that is not apart). Rejects only when the
   * request could not be made (nothing answers, the connection broke, `signal` aborted).
   */
  openRunEvents(runId: string, options: { lastEventId?: string | null; signal?: AbortSignal } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...this.authorization(), accept: 'text/event-stream' };
    if (options.lastEventId) headers['last-event-id'] = options.lastEventId;
    return this.fetchImpl(this.url(`/api/runs/${encodeURIComponent(runId)}/events`), { headers, signal: options.signal });
  }

  // ------------------------------------------------------------------------------------------------------------
  // HTTP
  // ------------------------------------------------------------------------------------------------------------

  /** Every answer is checked against its view's contract: a mismatch is a `MalformedAnswerError`, never a cast. */
  async getJson<T>(path: string, view: Contract<T>, query: Query = {}): Promise<T> {
    return this.request('GET', path, view, query);
  }

  async postJson<T>(path: string, view: Contract<T>, body?: unknown): Promise<T> {
    return this.request('POST', path, view, {}, body);
  }

  /** Every item of a list endpoint (`{ items, total, limit, offset }`), page by page. */
  async getAll<T>(path: string, item: Contract<T>, query: Query = {}): Promise<T[]> {
    const items: T[] = [];
    const pageView = pageSchema(item) as Contract<Page<T>>;
    for (;;) {
      const page = await this.getJson(path, pageView, { ...query, limit: PAGE_SIZE, offset: items.length });
      items.push(...page.items);
      if (page.items.length === 0 || items.length >= page.total) return items;
    }
  }

  url(path: string, query: Query = {}): string {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') search.set(name, String(value));
    const encoded = search.toString();
    const suffix = encoded ? `?${encoded}` : '';
    return `${this.baseUrl}${path}${suffix}`;
  }

  private authorization(): Record<string, string> {
    return this.token ? { authorization: `Bearer ${this.token}` } : {};
  }

  private async request<T>(method: string, path: string, view: Contract<T>, query: Query, body?: unknown, extraHeaders: Readonly<Record<string, string>> = {}): Promise<T> {
    const headers: Record<string, string> = { ...this.authorization(), accept: 'application/json', ...extraHeaders };
    // A form sets its own content type, with the multipart boundary.
    const form = body instanceof FormData;
    if (body !== undefined && !form) headers['content-type'] = 'application/json';
    const url = this.url(path, query);
    let response: Response;
    try {
      response = await this.fetchImpl(url, { method, headers, body: body === undefined ? undefined : form ? body : JSON.stringify(body) });
    } catch (error) {
      throw unreachable(this.baseUrl, error);
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) throw new ApiError(method, path, response.status, parseErrorBody(text), text);
    return checkedAnswer(method, path, view, text);
  }
}

/** A success answer as its view, or a `MalformedAnswerError` naming what does not match (not JSON at all included). */
function checkedAnswer<T>(method: string, path: string, view: Contract<T>, text: string): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new MalformedAnswerError(method, path, [`not JSON: ${JSON.stringify(text.slice(0, 80))}`]);
  }
  const result = view.safeParse(parsed);
  if (!result.success) throw new MalformedAnswerError(method, path, fieldErrorsOf(result.error).map((error) => `${error.field}: ${error.message}`));
  return result.data;
}

/** The run request as multipart/form-data: the other fields as text parts (`data` as JSON text), then the files. */
function runForm(body: StartRunRequest, files: readonly RunFilePart[]): FormData {
  const form = new FormData();
  form.set('data', JSON.stringify(body.data));
  if (body.commit !== undefined) form.set('commit', String(body.commit));
  if (body.queue !== undefined) form.set('queue', body.queue);
  if (body.runTimeoutSeconds !== undefined) form.set('runTimeoutSeconds', String(body.runTimeoutSeconds));
  if (body.runAs !== undefined) form.set('runAs', body.runAs);
  for (const file of files) form.set(file.variable, new Blob([file.content], { type: file.contentType }), file.name);
  return form;
}

/** `fetch failed` says little: name the address and the cause (ECONNREFUSED, ENOTFOUND, ...). */
export function unreachable(baseUrl: string, error: unknown): ApiUnreachableError {
  // undici's `fetch failed` carries the reason in `cause` (ECONNREFUSED, ENOTFOUND, ...).
  const cause = (error as { cause?: unknown } | null)?.cause ?? error;
  const code = (cause as { code?: unknown } | null)?.code;
  const reason = typeof code === 'string' ? code : messageOf(cause);
  return new ApiUnreachableError(`cannot reach the API at ${baseUrl} (${reason}); set YARD_URL to its address`, `cannot reach the API (${reason})`);
}

/** The API's error body, when the text is one; null for anything else (a proxy's HTML page, an empty body). */
export function parseErrorBody(text: string): ErrorBody | null {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && typeof (parsed as ErrorBody).code === 'string' && typeof (parsed as ErrorBody).message === 'string') {
      return parsed as ErrorBody;
    }
  } catch {
    // Not JSON.
  }
  return null;
}

/** The status an API error came with, for callers that tell retryable answers apart. */
export async function apiErrorOf(method: string, path: string, response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  return new ApiError(method, path, response.status, parseErrorBody(text), text);
}
