import type { ChaosFigures } from './chaos-figures';
import type { RunRequest } from './run-request';
import type { RunVerdict } from './run-verdict';

const COLUMNS: Array<[string, (figures: ChaosFigures) => string]> = [
  ['scenario', (f) => f.label],
  ['requested', (f) => String(f.requested)],
  ['202', (f) => String(f.answered['202'])],
  ['4xx', (f) => String(f.answered['4xx'])],
  ['5xx', (f) => String(f.answered['5xx'])],
  ['no answer', (f) => String(f.answered['no answer'] + f.answered.refused + f.answered.other)],
  ['accepted', (f) => String(f.accepted)],
  ['completed', (f) => String(f.completed)],
  ['ended otherwise', (f) => Object.entries(f.endedOtherwise).map(([status, count]) => `${count} ${status}`).join(', ') || '0'],
  ['lost', (f) => String(f.lost)],
  ['stuck', (f) => String(f.stuck)],
  ['mismatches', (f) => String(f.mismatches)],
  ['no requester', (f) => String(f.incomplete)],
  ['run twice', (f) => String(f.runTwice)],
  ['rerun after worker loss', (f) => String(f.rerunAfterWorkerLoss)],
  ['rerun after Temporal outage', (f) => String(f.rerunAfterTemporalOutage)],
  ['started though refused', (f) => String(f.startedThoughRefused)],
  ['started unanswered', (f) => String(f.startedUnanswered)],
  ['health green after', (f) => (f.healthyAfterMs === undefined ? '' : f.healthyAfterMs === null ? 'never' : `${(f.healthyAfterMs / 1000).toFixed(1)} s`)],
];

/** A Markdown table of the figures, one row per scenario, ready for the README. */
export function figuresTable(rows: readonly ChaosFigures[]): string {
  const columns = COLUMNS.filter(([name]) => name !== 'health green after' || rows.some((row) => row.healthyAfterMs !== undefined));
  const header = `| ${columns.map(([name]) => name).join(' | ')} |`;
  const rule = `|${columns.map(() => '---').join('|')}|`;
  const lines = rows.map((row) => `| ${columns.map(([, cell]) => cell(row)).join(' | ')} |`);
  return [header, rule, ...lines].join('\n');
}

/** One line per run that breaks a promise, with what each side said: the evidence behind a failing figure. */
export function evidenceOf(verdicts: readonly RunVerdict[], limit = 20): string {
  const wrong = verdicts.filter(
    (verdict) =>
      verdict.lost ||
      verdict.stuck ||
      verdict.mismatch ||
      verdict.incomplete ||
      (verdict.readModel !== null && verdict.readModel.status !== 'completed') ||
      verdict.stepsRunTwice.length > 0 ||
      (verdict.request !== null && verdict.request.answer !== '202'),
  );
  const lines = wrong.slice(0, limit).map((verdict) => {
    const problems = [
      verdict.lost && 'lost',
      verdict.stuck && 'stuck',
      verdict.mismatch && 'mismatch',
      verdict.incomplete && 'no requester or data in the read model',
      verdict.stepsRunTwice.length > 0 && `ran twice: ${verdict.stepsRunTwice.join(', ')}`,
      verdict.request && verdict.request.answer !== '202' && `started though answered ${verdict.request.status ?? verdict.request.answer} ${verdict.request.detail ?? ''}`.trim(),
    ].filter(Boolean);
    const request = verdict.request ? `${verdict.request.phase} ${verdict.request.jobId}` : 'no request';
    const error = verdict.readModel?.error?.message ? ` "${shorten(verdict.readModel.error.message)}"` : '';
    return `- run ${verdict.runId} (${request}): ${problems.join('; ')}; read model ${verdict.readModel?.status ?? 'none'}${error} (steps ${JSON.stringify(verdict.readModel?.steps ?? {})}), Temporal ${verdict.temporal.state}/${verdict.temporal.status ?? '-'}`;
  });
  const more = wrong.length > limit ? [`- … and ${wrong.length - limit} more`] : [];
  return [...lines, ...more].join('\n');
}

/** Per phase, the answers other than 202 by status and code (or why none came): what a client was told. */
export function refusalsOf(requests: readonly RunRequest[]): string[] {
  const byPhase = new Map<string, Map<string, number>>();
  for (const request of requests.filter((candidate) => candidate.answer !== '202')) {
    const what = request.status === null ? `${request.answer} (${shorten(request.detail)})` : `${request.status} ${shorten(request.detail)}`;
    const counts = byPhase.get(request.phase) ?? new Map<string, number>();
    counts.set(what, (counts.get(what) ?? 0) + 1);
    byPhase.set(request.phase, counts);
  }
  return [...byPhase].map(([phase, counts]) => `- ${phase}: ${[...counts].map(([what, count]) => `${count} × ${what}`).join(', ')}`);
}

function shorten(detail: string | null): string {
  return (detail ?? '').replace(/\s+/g, ' ').slice(0, 120);
}
