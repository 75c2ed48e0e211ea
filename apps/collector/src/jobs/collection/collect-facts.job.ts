import { COLLECT_FACTS_JOB_ID, MAX_PLAN_RUN_TIMEOUT_SECONDS } from '@yardmaster/contracts';
import { Job, jsonVar, type JobData, type JobModule } from '@yardmaster/job-sdk';
import { parsePlanRunData } from '../../collection/plan-run-data';

const variables = {
  plan: jsonVar({ label: 'Plan', description: 'The collection plan’s settings when the run was requested (a PlanSettings snapshot)' }),
  deviceIds: jsonVar({ label: 'Devices', description: 'Only these devices of the plan (e.g. the ones that failed in an earlier run)', required: false }),
};

/**
 * `collection.CollectFacts`: a collection plan's run. Its `run` step never executes here: the run workflow
 * replaces it by a fan-out with one activity per device (libs/workflows/src/collection/), so a plan of a thousand
 * devices is a thousand retried, cancellable, heartbeating activities rather than one long step. The class exists
 * so the job has a catalog entry (variables, timeouts) like any other and its runs are ordinary runs.
 */
export class CollectFacts extends Job<typeof variables> {
  static override readonly meta = {
    name: 'Collect facts',
    description: 'Runs a collection plan: collects facts from its devices over SNMP into a facts report.',
    // Read-only: collecting never writes the inventory; a report's entries are applied afterwards as their own
    // audited changes (by the report's apply, in apply mode by the run's actor), not as a step's transaction.
    // A commit flag would be a second, contradicting switch beside the plan's `detectOnly`.
    readOnly: true,
    // The ceiling a run may lower, never raise: as high as a plan may ask (its contract allows up to a day), so
    // each plan's own runTimeoutSeconds, sent with every run and schedule, is what bounds its runs.
    timeouts: { runTimeoutSeconds: MAX_PLAN_RUN_TIMEOUT_SECONDS },
  } as const;
  static override readonly variables = variables;

  run(data: JobData<typeof variables>): never {
    // Checked first, so a bad snapshot reads as such even here.
    parsePlanRunData(data);
    throw new Error(`${COLLECT_FACTS_JOB_ID} is collected by the run workflow's per-device fan-out; its run step cannot execute as a job step`);
  }
}

export const COLLECTION_JOB_MODULE: JobModule = { name: 'collection', grouping: 'Collection', jobs: [CollectFacts] };
