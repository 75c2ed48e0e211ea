import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { SEARCH_ATTRIBUTE_NAMES, workflowIdForRun } from '@yardmaster/contracts';

/** What Temporal says of a run's workflow. */
export interface TemporalRun {
  /** The workflow's execution status (`RUNNING`, `COMPLETED`, `FAILED`, `CANCELLED`, `TERMINATED`, `TIMED_OUT`), or `NOT_FOUND`. */
  readonly state: string;
  /** The run status that Temporal's record implies; null while the workflow runs or when there is none. */
  readonly status: string | null;
}

const TERMINAL = ['completed', 'failed', 'errored', 'cancelled', 'timed_out'];

/**
 * Reads runs' workflows from Temporal, independently of the platform's read model. The run status a closed
 * workflow implies: its own `YardRunStatus` (the workflow sets it before it ends), else what the reconciler
 * would derive from how it closed (cancelled or terminated: `cancelled`; timed out: `timed_out`; failed: `errored`).
 */
export class TemporalRuns {
  private readonly closed = new Map<string, TemporalRun>();

  private constructor(
    private readonly connection: Connection,
    private readonly client: Client,
  ) {}

  static async connect(address: string, namespace = 'default'): Promise<TemporalRuns> {
    const connection = await Connection.connect({ address, connectTimeout: 5_000 });
    return new TemporalRuns(connection, new Client({ connection, namespace }));
  }

  /** A closed workflow stays closed, so its answer is kept and not asked again. */
  async describe(runId: string): Promise<TemporalRun> {
    const known = this.closed.get(runId);
    if (known) return known;
    const run = await this.ask(runId);
    if (run.state !== 'RUNNING') this.closed.set(runId, run);
    return run;
  }

  close(): Promise<void> {
    return this.connection.close();
  }

  private async ask(runId: string): Promise<TemporalRun> {
    try {
      const description = await this.client.workflow.getHandle(workflowIdForRun(runId)).describe();
      const state = description.status.name;
      const marked = description.typedSearchAttributes.getAll().find((pair) => pair.key.name === SEARCH_ATTRIBUTE_NAMES.runStatus)?.value;
      return { state, status: impliedStatus(state, typeof marked === 'string' ? marked : null) };
    } catch (error) {
      // A workflow that was never started (or whose record is gone) is not found; anything else is a real error.
      if (error instanceof WorkflowNotFoundError) return { state: 'NOT_FOUND', status: null };
      throw error;
    }
  }
}

export function impliedStatus(state: string, marked: string | null): string | null {
  switch (state) {
    case 'COMPLETED':
    case 'FAILED':
      if (marked !== null && TERMINAL.includes(marked)) return marked;
      return state === 'FAILED' ? 'errored' : 'completed';
    case 'CANCELLED':
    case 'TERMINATED':
      return 'cancelled';
    case 'TIMED_OUT':
      return 'timed_out';
    default:
      return null;
  }
}
