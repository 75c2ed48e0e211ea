// The bare Temporal side of `npm run bench`: one workflow, one activity, nothing else. Plain JavaScript bundled by
// the benchmark at start (bundleWorkflowCode): it is no product code, so it stays out of the build, the Nx graph and
// the workflow lint rules, and a change to it needs no rebuild.
import { proxyActivities } from '@temporalio/workflow';

const { greet } = proxyActivities({ startToCloseTimeout: '30s' });

/** Date.now() in a workflow is the time its first workflow task started: the moment Yardmaster's run.started is published. */
export async function bareBenchWorkflow(name) {
  const startedAt = Date.now();
  const greeting = await greet(name);
  return { startedAt, greeting };
}
