import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { MissingDependency, say } from './console.mjs';
import { ROOT } from './install.mjs';
import { isLoopback } from './postgres.mjs';

/** Makes sure NATS with JetStream answers and the instance's streams exist; starts nats-server when installed but stopped. */
export async function ensureNats(natsUrl, instance) {
  const { connectNats, ensureStreams } = await import('@yardmaster/messaging');
  const url = new URL(natsUrl);
  let started = null;
  let nc = await connectNats(natsUrl, 'yardmaster-launcher').catch(() => null);
  if (!nc && isLoopback(url.hostname) && hasCommand('nats-server')) {
    started = startNatsServer(url.port || '4222');
    nc = await retry(() => connectNats(natsUrl, 'yardmaster-launcher'), 20);
  }
  if (!nc) {
    throw new MissingDependency(
      `NATS is not reachable at ${url.host}: start nats-server with JetStream ('nats-server -js -a 127.0.0.1') or set YARD_NATS_URL to one that runs.`,
    );
  }
  try {
    await ensureStreams(nc, instance);
  } catch (error) {
    throw new MissingDependency(`NATS at ${url.host} answers but JetStream does not (${error.message}): restart nats-server with -js.`);
  } finally {
    await nc.drain();
  }
  say(`NATS JetStream ready at ${url.host}, streams of instance '${instance}' in place`);
  return started;
}

function startNatsServer(port) {
  const dir = join(ROOT, '.yard', 'nats');
  mkdirSync(dir, { recursive: true });
  const log = openSync(join(dir, 'nats-server.log'), 'a');
  say(`Starting nats-server on 127.0.0.1:${port} (store in .yard/nats)…`);
  const child = spawn('nats-server', ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', dir], { detached: true, stdio: ['ignore', log, log] });
  child.unref();
  return child;
}

async function retry(connect, attempts) {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const nc = await connect().catch(() => null);
    if (nc) return nc;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return null;
}

export function hasCommand(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}
