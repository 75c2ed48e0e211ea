// `npm run bench:log-publish`: the collector's half of the log path alone, in one process with the services' Node
// flags (libs/config/src/service-runtime.ts): a step's RunLogger and StepEventBuffer over the EventPublisher write
// --lines entries the way examples.LogFlood does (a pause every 1,000 lines, which waits for room in the buffer) to
// JetStream streams of an instance of its own, and wait until all are acknowledged. It prints lines/s, the CPU time
// the process used (what a shared machine distorts least), and its RSS and V8 heap: before, at the peak (sampled
// every 100 ms) and after. The streams are deleted afterwards. Needs NATS (YARD_NATS_URL, default 127.0.0.1:4222).
// `--root <checkout>` runs another checkout's build (an A/B against main); `--rounds n` repeats in one process.
// Rerun: npm run bench:log-publish [-- --lines 100000 --rounds 1 --root <checkout>]
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { ROOT } from '../stack/install.mjs';

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const root = resolve(argument('root', ROOT));
const lines = Number(argument('lines', 100_000));
const rounds = Number(argument('rounds', 1));
const require = createRequire(join(root, 'package.json'));

if (!process.env.YARD_LOG_PUBLISH_CHILD) {
  // Measured with the flags and environment every service runs with, or the memory figures would mean nothing.
  const { SERVICE_ENVIRONMENT, SERVICE_NODE_FLAGS } = require('@yardmaster/config');
  const child = spawnSync(process.execPath, [...SERVICE_NODE_FLAGS, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...SERVICE_ENVIRONMENT, ...process.env, YARD_LOG_PUBLISH_CHILD: '1' },
  });
  process.exit(child.status ?? 1);
}

// As the collector does when it starts (a build without it runs with V8's own heap growth).
const config = require('@yardmaster/config');
const heapGrowingPercent = process.env.YARD_HEAP_GROWING_PERCENT ? Number(process.env.YARD_HEAP_GROWING_PERCENT) : config.SERVICE_HEAP_GROWING_PERCENT;
if (config.limitHeapGrowth && heapGrowingPercent) config.limitHeapGrowth(heapGrowingPercent);
const { connectNats, ensureStreams, EventPublisher } = require('@yardmaster/messaging');
const { StepEventBuffer } = require(join(root, 'apps/collector/dist/activities/log-delivery/step-event-buffer.js'));
const { RunLogger } = require(join(root, 'apps/collector/dist/activities/run-logger.js'));

const MB = 1024 * 1024;
const natsUrl = process.env.YARD_NATS_URL ?? 'nats://127.0.0.1:4222';
const instance = `logpub_${process.pid}`;
const nc = await connectNats(natsUrl, `bench-log-publish-${instance}`);
await ensureStreams(nc, instance);
const publisher = new EventPublisher(nc);
// The collector's defaults (apps/collector/src/config.ts).
const limits = { maxEntries: Number(process.env.YARD_LOG_BUFFER_ENTRIES ?? 10_000), maxBytes: 16 * MB, giveUpAfterMs: 300_000 };
const memory = () => ({ rss: process.memoryUsage.rss() / MB, heap: process.memoryUsage().heapUsed / MB });

console.log(`Log publishing in the collector alone: ${lines} lines, ${rounds} round(s), build of ${root}, heap growing percent ${config.limitHeapGrowth && heapGrowingPercent ? heapGrowingPercent : 'V8 default'} (${new Date().toISOString()})`);
try {
  for (let round = 1; round <= rounds; round++) {
    const before = memory();
    let peak = before;
    const sampler = setInterval(() => {
      const now = memory();
      if (now.rss > peak.rss) peak = now;
    }, 100);
    const buffer = new StepEventBuffer(publisher, { limits, natsAddress: natsUrl });
    const runId = `bench-${round}`;
    const scope = { instance, runId, step: 'run', attempt: 1, actor: 'bench', correlationId: runId };
    // What LogFlood writes; its pause waits for room first, as context.sleep does.
    const logger = new RunLogger(buffer, scope);
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let line = 1; line <= lines; line++) {
      logger.info(`Line ${line} of ${lines}`);
      if (line % 1_000 === 0) {
        await buffer.room();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
    const written = performance.now();
    await buffer.flush();
    const stored = performance.now();
    const used = process.cpuUsage(cpu);
    clearInterval(sampler);
    const cpuSeconds = (used.user + used.system) / 1e6;
    const seconds = (stored - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const after = memory();
    console.log(
      `  round ${round}: written in ${((written - started) / 1000).toFixed(2)} s, all acknowledged after ${seconds.toFixed(2)} s = ` +
        `${Math.round(lines / seconds)} lines/s; CPU ${cpuSeconds.toFixed(2)} s = ${Math.round(lines / cpuSeconds)} lines per CPU second; ` +
        `RSS ${before.rss.toFixed(0)} → peak ${peak.rss.toFixed(0)} → ${after.rss.toFixed(0)} MB 2 s after; heap used ${before.heap.toFixed(0)} → ${peak.heap.toFixed(0)} → ${after.heap.toFixed(0)} MB`,
    );
  }
} finally {
  // Its streams and every bucket of its instance (the step buffer opens the run files' object store).
  await require('@yardmaster/testing-core').deleteStreams(nc, instance);
  await nc.drain();
}
console.log(`Rerun: npm run bench:log-publish -- --lines ${lines} --rounds ${rounds}${root === ROOT ? '' : ` --root ${root}`}`);
