import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The module name of the ledger jobs, the first part of their ids. */
export const LEDGER_MODULE = 'chaos_ledger';
/** Like examples.HelloWorld: greets `count` times at once. */
export const LEDGER_HELLO_JOB = `${LEDGER_MODULE}.Hello`;
/** Like examples.SlowCount: counts `seconds`, one log entry a second, and has a post_run. */
export const LEDGER_COUNT_JOB = `${LEDGER_MODULE}.Count`;

/** One execution of a step's job code, as the job wrote it before doing anything else. */
export interface LedgerEntry {
  readonly runId: string;
  readonly step: string;
  readonly attempt: number;
  /** The collector process that ran it: tells a rerun after that collector was killed from any other. */
  readonly pid: number;
  /** The load request's key, carried in the run's data, so a run can be traced to the request that asked for it. */
  readonly tag: string;
  /** When the step's code started (ms since the epoch): tells whether a Temporal outage came between two attempts. */
  readonly startedAt: number;
}

/**
 * A JOBS_ROOT folder holding jobs that write one ledger line each time a step's code starts. The ledger is the
 * ground truth for "job code ran twice": it is written by the job itself, outside Temporal, NATS and Postgres, so
 * no fault of theirs can hide an execution from it.
 */
export class JobLedger {
  private constructor(
    readonly jobsRoot: string,
    private readonly ledgerFile: string,
  ) {}

  static create(): JobLedger {
    const folder = mkdtempSync(join(tmpdir(), 'yard-chaos-'));
    const jobsRoot = join(folder, 'jobs');
    const ledgerFile = join(folder, 'ledger.jsonl');
    mkdirSync(jobsRoot);
    writeFileSync(ledgerFile, '');
    writeFileSync(join(jobsRoot, `${LEDGER_MODULE}.js`), ledgerJobsSource(ledgerFile));
    return new JobLedger(jobsRoot, ledgerFile);
  }

  entries(): LedgerEntry[] {
    if (!existsSync(this.ledgerFile)) return [];
    return readFileSync(this.ledgerFile, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as LedgerEntry);
  }

  /** For tests of the checker: what a job would have written. */
  record(entry: LedgerEntry): void {
    appendFileSync(this.ledgerFile, `${JSON.stringify(entry)}\n`);
  }

  dispose(): void {
    rmSync(join(this.jobsRoot, '..'), { recursive: true, force: true });
  }
}

/** CommonJS, as the collector loads a `.js` module from JOBS_ROOT; one append per step start (O_APPEND: whole lines). */
function ledgerJobsSource(ledgerFile: string): string {
  return `const { appendFileSync } = require('node:fs');
const { Job, integerVar, stringVar } = require('@yardmaster/job-sdk');

exports.grouping = 'Chaos';

function enter(data, context) {
  const entry = { runId: context.runId, step: context.step, attempt: context.attempt, pid: process.pid, tag: data.tag, startedAt: Date.now() };
  appendFileSync(${JSON.stringify(ledgerFile)}, JSON.stringify(entry) + '\\n');
}

class Hello extends Job {
  run(data, context) {
    enter(data, context);
    for (let index = 1; index <= data.count; index++) context.logger.info('Hello, ' + data.tag + ' (' + index + ' of ' + data.count + ')');
    context.logger.success('Greeted ' + data.count + ' times');
    return { greeting: 'Hello, ' + data.tag };
  }
}
Hello.meta = { name: 'Chaos hello', description: 'Hello World that records each execution in the chaos ledger.' };
Hello.variables = {
  tag: stringVar({ label: 'Tag', maxLength: 100 }),
  count: integerVar({ label: 'Count', minValue: 1, maxValue: 100, default: 3 }),
};

class Count extends Job {
  async run(data, context) {
    enter(data, context);
    for (let second = 1; second <= data.seconds; second++) {
      context.progress({ total: data.seconds, done: second - 1 });
      await context.sleep(1000);
      context.logger.info('Counted ' + second + ' of ' + data.seconds);
    }
    return { counted: data.seconds };
  }

  post_run(data, context) {
    enter(data, context);
    context.logger.info('post_run: done');
  }
}
Count.meta = { name: 'Chaos count', description: 'SlowCount that records each execution in the chaos ledger.' };
Count.variables = {
  tag: stringVar({ label: 'Tag', maxLength: 100 }),
  seconds: integerVar({ label: 'Seconds', minValue: 1, maxValue: 3600, default: 3 }),
};

exports.Hello = Hello;
exports.Count = Count;
`;
}
