/**
 * Histories recorded by the run workflow before the workflow waited for concurrency slots itself and counted
 * step attempts itself (`temporal workflow show -o json`): the current code must replay each of them
 * unchanged, or runs in flight during an upgrade would fail with a nondeterminism error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as proto from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';

jest.setTimeout(60_000);

const CONTRACTS_SRC = path.resolve(__dirname, '../../../contracts/src/index.ts');
const HISTORIES = readdirSync(__dirname).filter((file) => file.endsWith('.json'));

let bundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  bundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('../index'),
    logger: new DefaultLogger('ERROR'),
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as Record<string, string>), '@yardmaster/contracts$': CONTRACTS_SRC } },
    }),
  });
});

it('has recorded histories to replay', () => {
  expect(HISTORIES.length).toBeGreaterThanOrEqual(3);
});

it.each(HISTORIES)('replays %s recorded by the earlier workflow code', async (file) => {
  const history = historyFromCliJson(JSON.parse(readFileSync(path.join(__dirname, file), 'utf8')));
  await expect(Worker.runReplayHistory({ workflowBundle: bundle }, history, file)).resolves.toBeUndefined();
});

/**
 * `historyFromJSON` of @temporalio/common fails here ("type must be a Type"): npm installed a protobufjs of its
 * own beside the one @temporalio/proto's types were built with. The CLI's JSON already spells enums in full, so
 * it is read with the protobufjs that built the types.
 */
function historyFromCliJson(json: unknown): proto.temporal.api.history.v1.IHistory {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { fromJson } = require(require.resolve('protobufjs/ext/protojson', { paths: [require.resolve('@temporalio/proto')] })) as {
    fromJson: (type: unknown, json: unknown, options: { ignoreUnknownFields: boolean }) => proto.temporal.api.history.v1.IHistory;
  };
  const root = patchProtobufRoot(proto) as unknown as { lookupType(name: string): unknown };
  return fromJson(root.lookupType('temporal.api.history.v1.History'), json, { ignoreUnknownFields: true });
}
