/**
 * A run in flight during an upgrade carries on with the new workflow code only if that code makes the decisions its
 * history recorded; otherwise its next workflow task fails with a nondeterminism error and the run is stuck. So every
 * history under histories/ (one folder per recording, `npm run record:histories`, each from the code of its day, and
 * any history exported from a real server) must replay against today's code. README: "Changing workflow code".
 */
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { bundleWorkflowsFromSource } from './bundle-from-source';
import { readHistoryFile } from './history-json';
import { historyFiles } from './history-sets';
import { SHAPES } from './record/shapes';

jest.setTimeout(120_000);

const FILES = historyFiles();
const failures = new Map<string, string | null>();

/**
 * The bundles collectors run: the plain one, and the one they run with tracing on, which adds OpenTelemetry's
 * workflow interceptors (they add headers and spans, never a command: the histories must replay alike).
 */
const BUNDLES: Record<string, string[]> = {
  plain: [],
  traced: [require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors')],
};

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const histories = FILES.map(({ name, file }) => ({ workflowId: name, history: readHistoryFile(file) }));
  for (const [bundle, interceptorModules] of Object.entries(BUNDLES)) {
    const workflowBundle = await bundleWorkflowsFromSource(interceptorModules);
    for await (const result of Worker.runReplayHistories({ workflowBundle }, histories)) {
      failures.set(`${bundle} ${result.workflowId}`, result.error ? `${result.error.name}: ${result.error.message}` : null);
    }
  }
});

it.each(Object.keys(BUNDLES).flatMap((bundle) => FILES.map(({ name }) => `${bundle} ${name}`)))('replays %s', (name) => {
  expect(failures.get(name)).toBeNull();
});

it('has a recorded history of every shape of run the recorder knows', () => {
  const recorded = new Set(FILES.map(({ shape }) => shape));
  expect(SHAPES.map(({ name }) => name).filter((shape) => !recorded.has(shape))).toEqual([]);
});
