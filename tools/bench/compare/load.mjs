// How runs are driven: a fixed number of clients each submitting its next run as soon as its last one ended.

/** `runs` runs of `system` by `concurrency` clients; answers the wall time and each run's figures. */
export async function burst(system, runs, concurrency, labelPrefix) {
  const samples = [];
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < runs) {
      const index = next++;
      try {
        samples.push(await system.runOnce(`${labelPrefix}-${index}`));
      } catch (error) {
        next = runs; // the other clients submit nothing more
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, runs) }, client));
  return { elapsedMs: performance.now() - started, samples };
}

/** One run at a time, alternating systems run by run: each run meets a system with nothing else in flight. */
export async function idleRuns(systems, count) {
  const samples = new Map(systems.map((system) => [system.name, []]));
  for (let index = 0; index < count; index++) {
    for (const system of systems) samples.get(system.name).push(await system.runOnce(`idle-${index}`));
  }
  return samples;
}
