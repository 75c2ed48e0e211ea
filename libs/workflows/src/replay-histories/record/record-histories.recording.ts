/**
 * Run by `npm run record:histories` (tools/record-histories.mjs), never by `npm test`: drives each shape of run through
 * today's workflow code on a Temporal dev server of its own, checks how it closed and that it replays, and writes its
 * history to histories/<YARD_HISTORY_SET>/<shape>.json. Committed, those histories hold every later change to the
 * workflows to the decisions this code made (workflows.replay.int-spec.ts).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { defineSearchAttributeKey } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { schedulerTaskQueueFor, SEARCH_ATTRIBUTE_NAMES, taskQueueOfRun } from '@yardmaster/contracts/workflow';
import { bundleWorkflowsFromSource } from '../bundle-from-source';
import { historyFileText } from '../history-json';
import { HISTORIES } from '../history-sets';
import type { ShapeContext } from './shape';
import { SHAPES } from './shapes';

jest.setTimeout(120_000);

const SET = process.env.YARD_HISTORY_SET ?? '';
const TEMPORAL_CLI = process.env.TEMPORAL_CLI ?? '';
/**
 * Temporal suggests a continue-as-new after this many events (its default is 4,096): low enough that a run waiting
 * through a few wake-ups continues as new, high enough that one waking once does not.
 */
const SUGGEST_CONTINUE_AS_NEW_AFTER_EVENTS = 20;

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(SET) || !TEMPORAL_CLI) throw new Error('run this through npm run record:histories');
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  bundle = await bundleWorkflowsFromSource();
  env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: TEMPORAL_CLI },
      searchAttributes: Object.values(SEARCH_ATTRIBUTE_NAMES).map((name) => defineSearchAttributeKey(name, 'KEYWORD')),
      extraArgs: ['--dynamic-config-value', `limit.historyCount.suggestContinueAsNew=${SUGGEST_CONTINUE_AS_NEW_AFTER_EVENTS}`],
    },
  });
  mkdirSync(path.join(HISTORIES, SET), { recursive: true });
});

afterAll(async () => {
  await env?.teardown();
});

const context = (): ShapeContext => ({
  client: env.client,
  withWorker: async (activities, drive) => {
    // Queues named as in production: a run queue of an instance of its own, and that instance's scheduler queue, where
    // a schedule's firing starts its run.
    const instance = `record_${randomUUID().replace(/-/g, '')}`;
    const taskQueue = taskQueueOfRun(instance, 'default');
    // Heartbeats, and so cancellations, reach a step within a fraction of a second.
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities, maxHeartbeatThrottleInterval: '100ms' });
    const scheduler = await Worker.create({ connection: env.nativeConnection, taskQueue: schedulerTaskQueueFor(instance), activities });
    return scheduler.runUntil(worker.runUntil(drive(taskQueue)));
  },
});

it.each(SHAPES.map((shape) => [shape.name, shape] as const))('records %s', async (name, shape) => {
  const execution = await shape.record(context());
  const history = await env.client.workflow.getHandle(execution.workflowId, execution.runId).fetchHistory();

  const lastEvent = history.events?.at(-1)?.eventType;
  expect(temporal.api.enums.v1.EventType[lastEvent ?? 0]).toBe(`EVENT_TYPE_WORKFLOW_EXECUTION_${shape.closesAs}`);
  await Worker.runReplayHistory({ workflowBundle: bundle }, history, name);
  writeFileSync(path.join(HISTORIES, SET, `${name}.json`), historyFileText(history));
});
