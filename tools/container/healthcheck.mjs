// The health check of a Yardmaster container (docker-compose.yml, Dockerfile): exits 0 when the service that
// SERVICE names is ready in this container, else 1 with one line saying why. Docker runs it every few seconds.
// - api: GET /api/health answers, and the API's own checks (itself, Postgres, NATS) pass. The other services'
//   checks are theirs: the API stays healthy while, say, no collector runs.
// - scheduler, collector, projection: the instance in this container answers its health ping on NATS and reports
//   itself ready (the scheduler: NATS and Temporal; a collector: NATS and its workers polling; the projection: NATS
//   and Postgres). Other instances of the service answer too: this one is the one whose id is YARD_<SERVICE>_ID, or
//   by default `<service>@<this container's hostname>:<pid>`.
import { hostname } from 'node:os';

const PING_WAIT_MS = 2_000;
const HTTP_TIMEOUT_MS = 4_000;
const INSTANCE_ID_VARIABLES = { scheduler: 'YARD_SCHEDULER_ID', collector: 'YARD_COLLECTOR_ID', projection: 'YARD_PROJECTION_ID' };

/** Whether an answering instance id is this container's service. */
function isThisInstance(instanceId, service, env) {
  const configured = env[INSTANCE_ID_VARIABLES[service]];
  return configured ? instanceId === configured : instanceId.startsWith(`${service}@${hostname()}:`);
}

async function checkApi(env) {
  const url = `http://127.0.0.1:${env.YARD_API_PORT || 3000}/api/health`;
  const response = await fetch(url, { signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
  const { checks = {} } = await response.json();
  // Each check is { status: 'ok' | 'degraded' | 'down' | 'unknown', ... }; degraded still serves.
  const failing = ['api', 'postgres', 'nats'].filter((check) => !['ok', 'degraded'].includes(checks[check]?.status));
  return failing.length === 0 ? null : `the API at ${url} reports ${failing.join(', ')} failing`;
}

async function checkByPing(service, env) {
  const { EnvReader, readSharedConfig } = await import('@yardmaster/config');
  const { connectNats, pingEveryInstance } = await import('@yardmaster/messaging');
  const reader = new EnvReader(env);
  const { instance, natsUrl } = reader.finish(readSharedConfig(reader));
  const nc = await connectNats(natsUrl, `${service}-healthcheck@${hostname()}`);
  try {
    const answers = await pingEveryInstance(nc, instance, service, PING_WAIT_MS);
    const mine = answers.find((answer) => isThisInstance(answer.instanceId, service, env));
    if (!mine) return `no ${service} of this container answered its health ping on NATS at ${new URL(natsUrl).host} (${answers.length} other instance(s) did)`;
    if (mine.ready) return null;
    const failing = Object.entries(mine.details).filter(([, ok]) => !ok).map(([check]) => check);
    return `${mine.instanceId} is not ready: ${failing.join(', ')} failing`;
  } finally {
    await nc.close();
  }
}

async function main(env) {
  const service = env.SERVICE;
  if (service === 'api') return checkApi(env);
  if (Object.hasOwn(INSTANCE_ID_VARIABLES, service ?? '')) return checkByPing(service, env);
  return `SERVICE=${JSON.stringify(service ?? '')}: expected api, scheduler, collector or projection`;
}

main(process.env).then(
  (problem) => {
    if (problem) process.stdout.write(`unhealthy: ${problem}\n`);
    process.exit(problem ? 1 : 0);
  },
  (error) => {
    process.stdout.write(`unhealthy: ${error?.message ?? String(error)}\n`);
    process.exit(1);
  },
);
