/** How a run request was answered, as a client would class it. */
export type AnswerClass = '202' | '4xx' | '5xx' | 'other' | 'refused' | 'no answer';

/** One `POST /api/jobs/{jobId}/runs` the load generator sent, and what came back. */
export interface RunRequest {
  /** Sent as `Idempotency-Key` and carried in the run's data as `tag`. */
  readonly key: string;
  readonly jobId: string;
  /** The part of the scenario it was sent in (e.g. `nats 5 s`), for per-outage figures. */
  readonly phase: string;
  readonly sentAt: number;
  answeredAt: number | null;
  /** The HTTP status; null when no answer came. */
  status: number | null;
  answer: AnswerClass | null;
  /** The run id of a 202. */
  runId: string | null;
  /** The error code of an error answer, or why no answer came. */
  detail: string | null;
}

export function answerClassOf(status: number): AnswerClass {
  if (status === 202) return '202';
  if (status >= 400 && status < 500) return '4xx';
  if (status >= 500) return '5xx';
  return 'other';
}

/** A refused connection reached nothing, so nothing can have started; any other failure may have. */
export function failureClassOf(error: unknown): AnswerClass {
  const cause = (error as { cause?: { code?: string } } | null)?.cause;
  return cause?.code === 'ECONNREFUSED' ? 'refused' : 'no answer';
}
