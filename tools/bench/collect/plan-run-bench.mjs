// What `npm run bench:collect` (SNMP) and `npm run bench:ssh` share: one plan run of collection.CollectFacts on a
// worker of the benchmark's own, each device's collection timed and the process's memory read as each quarter of the
// fleet is done, and the printout of both.

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const rssMb = () => process.memoryUsage().rss / 1024 / 1024;

/** The run workflow's input for a plan snapshot, as the API starts a plan's run (one step, no retry). */
export function planRunWorkflowInput({ runId, jobId, plan, runTimeoutSeconds }) {
  return {
    runId,
    jobId,
    jobName: 'Collect facts',
    data: { plan },
    commit: null,
    queue: 'default',
    requestedBy: 'bench',
    correlationId: runId,
    steps: ['run'],
    runTimeoutSeconds,
    stepTimeoutSeconds: runTimeoutSeconds,
    heartbeatTimeoutSeconds: 30,
    retry: { maximumAttempts: 1, initialIntervalSeconds: 1, backoffCoefficient: 2, maximumIntervalSeconds: 10 },
    concurrency: null,
  };
}

/** Wraps the collectDevice activity: each device's time, and RSS after 25/50/75/100 % of `deviceCount` devices. */
export function timedDevices(collectDevice, deviceCount) {
  const deviceMs = [];
  const quarters = [1, 2, 3, 4].map((quarter) => Math.ceil((deviceCount * quarter) / 4));
  const rssAtQuarter = [];
  const rssBefore = rssMb();
  const timed = async (input) => {
    const started = performance.now();
    try {
      return await collectDevice(input);
    } finally {
      deviceMs.push(performance.now() - started);
      if (quarters.includes(deviceMs.length)) rssAtQuarter.push(rssMb());
    }
  };
  return { collectDevice: timed, deviceMs, rssAtQuarter, rssBefore };
}

/** Runs the plan's workflow to its end on `worker` and answers its outcome, wall seconds and this process's CPU seconds. */
export async function runPlan({ worker, client, taskQueue, input, workflowType, workflowId }) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const outcome = await worker.runUntil(async () => {
    const handle = await client.workflow.start(workflowType, { args: [input], taskQueue, workflowId });
    return handle.result().catch((error) => error.cause?.details?.[0] ?? { status: 'error', error: String(error) });
  });
  const used = process.cpuUsage(cpu);
  return { outcome, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

/** The plan run's figures: devices/s, p50/p99 per device, this process's CPU and memory; the first failed devices. */
export function printPlanRun({ run, devices, deviceCount, memoryOf }) {
  const { outcome, seconds, cpuSeconds } = run;
  const result = outcome.result ?? {};
  const sorted = [...devices.deviceMs].sort((a, b) => a - b);
  console.log(
    `plan run: ${outcome.status}, ${result.collected ?? '?'} collected, ${result.failed ?? '?'} failed, entries ${JSON.stringify(result.entries ?? {})}; ` +
      `${seconds.toFixed(1)} s, ${(deviceCount / seconds).toFixed(1)} devices/s; per device p50 ${percentile(sorted, 50)?.toFixed(0)} ms, ` +
      `p99 ${percentile(sorted, 99)?.toFixed(0)} ms; this process used ${cpuSeconds.toFixed(1)} s CPU`,
  );
  for (const failed of (result.failedDevices ?? []).slice(0, 5)) console.log(`  failed: ${failed.name} ${failed.code} ${failed.message}`);
  console.log(
    `memory (this process: ${memoryOf}): RSS ${devices.rssBefore.toFixed(0)} MB before the run; after 25/50/75/100 % of the devices ${devices.rssAtQuarter.map((mb) => mb.toFixed(0)).join(' / ')} MB`,
  );
}

export { percentile };
