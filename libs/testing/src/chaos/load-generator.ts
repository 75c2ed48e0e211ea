import { randomUUID } from 'node:crypto';
import { answerClassOf, failureClassOf, type RunRequest } from './run-request';

/** A job the load asks for, and the data of each request (`tag` is added: the request's key). */
export interface LoadJob {
  readonly jobId: string;
  readonly data: Record<string, unknown>;
}

export interface LoadOptions {
  readonly apiUrl: string;
  /** A user's API token: the load goes through authentication like any client's. */
  readonly token: string;
  /** Asked for in turn. */
  readonly jobs: readonly LoadJob[];
  readonly runsPerSecond: number;
  /** A request unanswered this long counts as `no answer`. */
  readonly requestTimeoutMs?: number;
}

/**
 * A steady open-loop load: every 1/rate seconds one run request, whether or not earlier ones were answered,
 * as independent clients would send them. Each carries an `Idempotency-Key` (and the same key in its data), so
 * a run can be traced to its request even when the answer was lost.
 */
export class LoadGenerator {
  readonly requests: RunRequest[] = [];
  /** Requests sent from now on are counted in this phase. */
  phase = 'load';
  private timer: NodeJS.Timeout | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private next = 0;

  constructor(private readonly options: LoadOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.sendOne(), 1000 / this.options.runsPerSecond);
  }

  /** Stops sending and waits for every answer (or its timeout). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.all([...this.inFlight]);
  }

  private sendOne(): void {
    const job = this.options.jobs[this.next++ % this.options.jobs.length];
    const request: RunRequest = {
      key: randomUUID(),
      jobId: job.jobId,
      phase: this.phase,
      sentAt: Date.now(),
      answeredAt: null,
      status: null,
      answer: null,
      runId: null,
      detail: null,
    };
    this.requests.push(request);
    const sending = this.send(request, job).finally(() => this.inFlight.delete(sending));
    this.inFlight.add(sending);
  }

  private async send(request: RunRequest, job: LoadJob): Promise<void> {
    try {
      const response = await fetch(`${this.options.apiUrl}/api/jobs/${job.jobId}/runs`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.options.token}`,
          'content-type': 'application/json',
          'idempotency-key': request.key,
        },
        body: JSON.stringify({ data: { ...job.data, tag: request.key } }),
        signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 30_000),
      });
      const text = await response.text();
      const body = parseJson(text);
      request.status = response.status;
      request.answer = answerClassOf(response.status);
      request.runId = response.status === 202 && typeof body?.runId === 'string' ? body.runId : null;
      request.detail = response.status === 202 ? null : String(body?.code ?? text.slice(0, 200));
    } catch (error) {
      request.answer = failureClassOf(error);
      request.detail = String((error as { cause?: unknown }).cause ?? error);
    } finally {
      request.answeredAt = Date.now();
    }
  }
}

function parseJson(text: string): { runId?: unknown; code?: unknown } | null {
  try {
    return JSON.parse(text) as { runId?: unknown; code?: unknown };
  } catch {
    return null;
  }
}
