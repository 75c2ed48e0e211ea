// Bare Temporal on the same server as Yardmaster: a client that starts bareBenchWorkflow and a worker on a task queue
// of its own, in this process. What a run costs without Yardmaster's API, scheduler, events and projection.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { BenchStop } from '../admin-api.mjs';

const STOP_TIMEOUT_MS = 30_000;
const WORKFLOW_PATH = fileURLToPath(new URL('./bare-workflow.js', import.meta.url));

/** Starts the worker and connects the client; `stop()` ends both. */
export async function startBareTemporal({ address, namespace, timeoutMs }) {
  // The SDK's own log lines would drown the figures: warnings and worse only.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const taskQueue = `bench-bare-${randomUUID().slice(0, 8)}`;
  const workflowBundle = await bundleWorkflowCode({ workflowsPath: WORKFLOW_PATH, logger: quietBundlerLogger });
  const workerConnection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection: workerConnection,
    namespace,
    taskQueue,
    workflowBundle,
    activities: { greet: async (name) => `Hello, ${name}` },
  });
  const running = worker.run();
  const connection = await Connection.connect({ address });
  const client = new Client({ connection, namespace });

  return {
    name: 'bare Temporal',
    taskQueue,
    /** One run: submit → start answered, → workflow started (its first task), → result in the client's hands. */
    async runOnce(label) {
      const submittedAt = Date.now();
      const workflowId = `bench-bare-${label}-${randomUUID()}`;
      const handle = await client.workflow.start('bareBenchWorkflow', { taskQueue, workflowId, args: [label], workflowExecutionTimeout: `${Math.ceil(timeoutMs / 1000)}s` });
      const acceptedMs = Date.now() - submittedAt;
      const result = await withDeadline(handle.result(), timeoutMs, `bare workflow ${workflowId} to end`);
      const endedAt = Date.now();
      return { acceptedMs, runningMs: result.startedAt - submittedAt, terminalMs: endedAt - submittedAt };
    },
    async stop() {
      worker.shutdown();
      await withDeadline(running, STOP_TIMEOUT_MS, 'the bare Temporal worker to stop');
      await workerConnection.close();
      await connection.close();
    },
  };
}

/** The promise's value, or a BenchStop naming what was awaited once timeoutMs has passed. */
export function withDeadline(promise, timeoutMs, what) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new BenchStop(`gave up after ${Math.round(timeoutMs / 1000)} s waiting for ${what} (--timeout to wait longer)`)), timeoutMs);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

const quietBundlerLogger = { trace() {}, debug() {}, info() {}, warn: (message) => console.warn(message), error: (message) => console.error(message) };
