/**
 * Histories recorded from the workflows as they were before a change (`replay-histories/*.binpb`: a History message as
 * `fetchHistory()` returns it, protobuf-encoded) must replay against today's code: a run in flight during an upgrade
 * carries on instead of failing its workflow task with a nondeterminism error. Record a new history here
 * before each change to workflow behaviour, and guard the change with `patched()`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { temporal } from '@temporalio/proto';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';

jest.setTimeout(60_000);

const HISTORIES = path.resolve(__dirname, 'replay-histories');
const CONTRACTS_SRC = path.resolve(__dirname, '../../contracts/src/index.ts');

it('replays every recorded history without a nondeterminism error', async () => {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const workflowBundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('./index'),
    logger: new DefaultLogger('ERROR'),
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as Record<string, string>), '@yardmaster/contracts$': CONTRACTS_SRC } },
    }),
  });
  const files = fs.readdirSync(HISTORIES).filter((file) => file.endsWith('.binpb'));
  const histories = files.map((file) => ({ workflowId: file, history: temporal.api.history.v1.History.decode(fs.readFileSync(path.join(HISTORIES, file))) }));

  const failures: string[] = [];
  for await (const result of Worker.runReplayHistories({ workflowBundle }, histories)) {
    if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  }

  expect(files.length).toBeGreaterThanOrEqual(6);
  expect(failures).toEqual([]);
});
