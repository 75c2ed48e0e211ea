// `npm run bench:collector-start -- [repository] [times]`: how long a built collector takes from its process
// start until its workers poll ("Polling task queue"), against the running NATS, Postgres and Temporal, on an
// instance of its own whose streams it deletes afterwards. Give another checkout's path to compare its build.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { METRICS_OFF } from './metrics-off.mjs';

const repository = resolve(process.argv[2] ?? new URL('../..', import.meta.url).pathname);
const times = Number(process.argv[3] ?? 5);
const READY_LINE = 'Polling task queue';
const instance = `benchstart_${randomBytes(4).toString('hex')}`;
const secretsKey = randomBytes(32).toString('base64');

/** Milliseconds from spawn to the first worker polling; the collector is then stopped. */
function timeOneStart() {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, [resolve(repository, 'apps/collector/dist/main.js')], {
      env: { ...process.env, ...METRICS_OFF, YARD_INSTANCE: instance, YARD_SECRETS_KEY: secretsKey },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let elapsed = null;
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk.toString();
        if (elapsed === null && output.includes(READY_LINE)) {
          elapsed = performance.now() - started;
          child.kill('SIGTERM');
        }
      });
    }
    child.once('exit', (code) => (elapsed === null ? fail(new Error(`the collector exited with ${code} before polling:\n${output}`)) : done(elapsed)));
  });
}

const samples = [];
try {
  for (let i = 0; i < times; i++) samples.push(await timeOneStart());
} finally {
  const { connectNats } = await import('@yardmaster/messaging');
  const { deleteStreams, testDependencies } = await import('@yardmaster/testing');
  const nc = await connectNats(testDependencies.natsUrl, 'bench-collector-start');
  await deleteStreams(nc, instance);
  await nc.drain();
}
samples.sort((a, b) => a - b);
const ms = (value) => `${Math.round(value)} ms`;
console.log(`${repository}: collector start to polling, ${times} starts: median ${ms(samples[Math.floor(times / 2)])}, min ${ms(samples[0])}, max ${ms(samples.at(-1))}`);
