import { writeFileSync } from 'node:fs';
import {
  evidenceOf,
  figuresTable,
  JobLedger,
  LEDGER_COUNT_JOB,
  LEDGER_HELLO_JOB,
  LoadGenerator,
  refusalsOf,
  settleAndJudge,
  TemporalRuns,
  type ChaosFigures,
  type RerunCauses,
  type RunVerdict,
} from '@yardmaster/testing';
import type { YardmasterStack } from '../yardmaster-stack';

/** Hello World-like and SlowCount-like runs in turn: short steps, and steps long enough to be cut by a fault. */
export function loadOf(stack: YardmasterStack, token: string, runsPerSecond: number, countSeconds: number): LoadGenerator {
  return new LoadGenerator({
    apiUrl: stack.apiUrl,
    token,
    runsPerSecond,
    jobs: [
      { jobId: LEDGER_HELLO_JOB, data: { count: 3 } },
      { jobId: LEDGER_COUNT_JOB, data: { seconds: countSeconds } },
    ],
  });
}

/** A user who may run jobs and see their own runs, with a token: the load is an ordinary client's. */
export async function loadUserToken(stack: YardmasterStack): Promise<string> {
  const session = await stack.createUser('chaos-load', ['jobs.run', 'runs.view_own']);
  return session.token;
}

/** Waits for the system to settle (until `settleMs` from now), then judges every run against Temporal and the ledger. */
export async function judgeRuns(
  stack: YardmasterStack,
  ledger: JobLedger,
  load: LoadGenerator,
  rerunCauses: RerunCauses,
  settleMs: number,
): Promise<RunVerdict[]> {
  const temporal = await TemporalRuns.connect(stack.dependencies.temporalAddress);
  try {
    return await settleAndJudge({
      apiUrl: stack.apiUrl,
      adminToken: stack.adminToken,
      temporal,
      ledger,
      requests: load.requests,
      rerunCauses,
      deadline: Date.now() + settleMs,
    });
  } finally {
    await temporal.close();
  }
}

/** Prints the table and the evidence, and writes the table to `YARD_CHAOS_REPORT` when set (the npm scripts read it). */
export function report(load: LoadGenerator, title: string, rows: readonly ChaosFigures[], verdicts: readonly RunVerdict[], notes: readonly string[]): string {
  const text = [
    `${title}`,
    '',
    figuresTable(rows),
    '',
    ...notes,
    '',
    'Answers other than 202:',
    ...(refusalsOf(load.requests).length > 0 ? refusalsOf(load.requests) : ['(none)']),
    '',
    'Runs that break a promise:',
    evidenceOf(verdicts) || '(none)',
    '',
  ].join('\n');
  if (process.env.YARD_CHAOS_REPORT) writeFileSync(process.env.YARD_CHAOS_REPORT, text);
  process.stdout.write(`\n${text}\n`);
  return text;
}
