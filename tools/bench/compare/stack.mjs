// The stack `npm run bench` measures: a running API (YARD_URL, or one answering at YARD_API_PORT) is reused;
// otherwise the benchmark brings one up as `npm start` does (tools/stack/*) and stops what it started at the end.
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BASE_URL, BenchStop } from '../admin-api.mjs';
import { build, ensureInstalled, ROOT } from '../../stack/install.mjs';

const HEALTH_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;
export const SERVICE_LOG = join(ROOT, '.yard', 'bench-services.log');


/** The health answer's HTTP status, or null when nothing answers at apiUrl. */
async function healthStatus(apiUrl) {
  try {
    const response = await fetch(`${apiUrl}/api/health`, { signal: AbortSignal.timeout(3_000) });
    return response.status;
  } catch {
    return null;
  }
}

/** Not yet exited (a child killed by a signal has no exit code, but a signal code). */
function running(child) {
  return child.exitCode === null && child.signalCode === null;
}

/**
 * Reuses the API at apiUrl when it answers (waiting until it is healthy); else builds, ensures Postgres/NATS/Temporal, the administrator
 * and the four services (their output to .yard/bench-services.log). Answers Temporal's address and namespace (read as
 * the services read them) and `stop()`.
 */
export async function benchStack(say) {
  const apiUrl = BASE_URL;
  const { EnvReader, readTemporalConfig } = await import('@yardmaster/config');
  const reader = new EnvReader(process.env);
  const temporal = reader.finish({ temporal: readTemporalConfig(reader) }).temporal;
  const status = await healthStatus(apiUrl);
  if (status !== null) {
    // An API that answers is someone's stack (a service may still be starting): waited for, never started twice.
    const { waitForHealth } = await import('../../stack/services.mjs');
    const { ready, health } = status === 200 ? { ready: true } : await waitForHealth(apiUrl, HEALTH_TIMEOUT_MS);
    if (!ready) throw new BenchStop(`the API at ${apiUrl} answers but did not become healthy within ${HEALTH_TIMEOUT_MS / 1000} s: ${JSON.stringify(health)}`);
    say(`Reusing the stack at ${apiUrl} (Temporal at ${temporal.address})`);
    return { apiUrl, temporal, started: false, stop: async () => undefined };
  }
  if (process.env.YARD_URL) throw new BenchStop(`nothing answers at YARD_URL=${apiUrl}: start that stack, or unset YARD_URL to let the benchmark start one`);
  say(`Nothing answers at ${apiUrl}: starting the stack (services' output in ${SERVICE_LOG})`);
  ensureInstalled();
  build();
  const { ensureStack } = await import('../../stack/ensure-stack.mjs');
  const { SERVICES, startService, waitForHealth } = await import('../../stack/services.mjs');
  const { ensureLocalAdmin } = await import('../../stack/admin-token.mjs');
  const { ensureSecretsKey } = await import('../../stack/secrets-key.mjs');
  const stack = await ensureStack();
  ensureSecretsKey();
  await ensureLocalAdmin(stack.config.database.databaseUrl);
  mkdirSync(join(ROOT, '.yard'), { recursive: true });
  const log = createWriteStream(SERVICE_LOG, { flags: 'a' });
  // As `npm start` starts them: the same launcher, with its memory settings.
  const children = SERVICES.map((name) => startService(name, process.env, { output: log }));
  const stop = async () => {
    for (const child of children) if (running(child)) child.kill('SIGTERM');
    // A service that has not drained within the deadline is killed: the benchmark never hangs on its way out.
    const killer = setTimeout(() => children.forEach((child) => running(child) && child.kill('SIGKILL')), STOP_TIMEOUT_MS);
    await Promise.all(children.map((child) => (running(child) ? new Promise((resolve) => child.once('exit', resolve)) : null)));
    clearTimeout(killer);
    log.end();
    await stack.stop();
  };
  // A service that exits while the stack comes up (bad configuration, a port in use) ends the wait at once.
  const exited = new Promise((resolve) => {
    for (const [index, child] of children.entries()) child.once('exit', (code) => resolve(`${SERVICES[index]} exited with ${code}`));
  });
  const outcome = await Promise.race([waitForHealth(apiUrl, HEALTH_TIMEOUT_MS), exited]);
  if (typeof outcome === 'string' || !outcome.ready) {
    await stop();
    const why = typeof outcome === 'string' ? outcome : `it did not become healthy within ${HEALTH_TIMEOUT_MS / 1000} s: ${JSON.stringify(outcome.health)}`;
    throw new BenchStop(`could not start the stack: ${why} (see ${SERVICE_LOG})`);
  }
  return { apiUrl, temporal: stack.config.temporal, started: true, stop };
}
