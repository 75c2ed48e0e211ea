import type { AnswerClass, RunRequest } from './run-request';
import type { RunVerdict } from './run-verdict';

/** The figures of one part of a chaos scenario (a phase, or the whole). */
export interface ChaosFigures {
  readonly label: string;
  readonly requested: number;
  readonly answered: Readonly<Record<AnswerClass, number>>;
  readonly accepted: number;
  readonly completed: number;
  /** Accepted runs that ended, but not `completed` (errored, failed, ...): by status. */
  readonly endedOtherwise: Readonly<Record<string, number>>;
  readonly lost: number;
  readonly stuck: number;
  readonly mismatches: number;
  /** Runs the read model holds without requester or data. */
  readonly incomplete: number;
  readonly runTwice: number;
  readonly rerunAfterWorkerLoss: number;
  readonly rerunAfterTemporalOutage: number;
  /** Runs that exist although their request was answered with an error (the answer lied). */
  readonly startedThoughRefused: number;
  /** Runs that exist although their request got no answer (a client cannot know; an idempotency key tells). */
  readonly startedUnanswered: number;
  /** After a dependency outage: ms from the dependency answering again to `/api/health` 200; null: not within the deadline. */
  readonly healthyAfterMs?: number | null;
}

const ANSWER_CLASSES: AnswerClass[] = ['202', '4xx', '5xx', 'other', 'refused', 'no answer'];

/** Counts `requests` and the verdicts of the runs they asked for (or that exist because of them). */
export function figuresOf(label: string, requests: readonly RunRequest[], verdicts: readonly RunVerdict[], healthyAfterMs?: number | null): ChaosFigures {
  const keys = new Set(requests.map((request) => request.key));
  const mine = verdicts.filter((verdict) => verdict.request !== null && keys.has(verdict.request.key));
  const accepted = mine.filter((verdict) => verdict.request?.answer === '202');
  const answered = Object.fromEntries(ANSWER_CLASSES.map((answer) => [answer, requests.filter((request) => request.answer === answer).length])) as Record<AnswerClass, number>;
  const endedOtherwise: Record<string, number> = {};
  for (const verdict of accepted) {
    const status = verdict.readModel?.status;
    if (status && status !== 'completed' && !verdict.stuck) endedOtherwise[status] = (endedOtherwise[status] ?? 0) + 1;
  }
  return {
    label,
    requested: requests.length,
    answered,
    accepted: requests.filter((request) => request.answer === '202').length,
    completed: accepted.filter((verdict) => verdict.readModel?.status === 'completed').length,
    endedOtherwise,
    lost: accepted.filter((verdict) => verdict.lost).length,
    stuck: mine.filter((verdict) => verdict.stuck).length,
    mismatches: mine.filter((verdict) => verdict.mismatch).length,
    incomplete: mine.filter((verdict) => verdict.incomplete).length,
    runTwice: mine.filter((verdict) => verdict.stepsRunTwice.length > 0).length,
    rerunAfterWorkerLoss: mine.filter((verdict) => verdict.stepsRerunAfterWorkerLoss.length > 0).length,
    rerunAfterTemporalOutage: mine.filter((verdict) => verdict.stepsRerunAfterTemporalOutage.length > 0).length,
    startedThoughRefused: mine.filter((verdict) => ['4xx', '5xx', 'other'].includes(verdict.request?.answer ?? '')).length,
    startedUnanswered: mine.filter((verdict) => ['no answer', 'refused'].includes(verdict.request?.answer ?? '')).length,
    ...(healthyAfterMs === undefined ? {} : { healthyAfterMs }),
  };
}

/** Runs the system knows of that no request of the load accounts for: none should exist. */
export function strayRuns(verdicts: readonly RunVerdict[]): RunVerdict[] {
  return verdicts.filter((verdict) => verdict.request === null);
}
