import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planRunWorkflowInput, timedDevices } from './plan-run-bench.mjs';

test('a plan run input carries the snapshot, one step, and the run timeout for its step too', () => {
  const input = planRunWorkflowInput({ runId: 'r1', jobId: 'collection.CollectFacts', plan: { planId: 'p' }, runTimeoutSeconds: 600 });
  assert.deepEqual(input.data, { plan: { planId: 'p' } });
  assert.deepEqual(input.steps, ['run']);
  assert.equal(input.stepTimeoutSeconds, 600);
  assert.equal(input.retry.maximumAttempts, 1);
});

test('each device is timed, failures included, and memory is read after each quarter of the fleet', async () => {
  let calls = 0;
  const timing = timedDevices(async () => {
    calls += 1;
    if (calls === 2) throw new Error('device failed');
    return { new: 1 };
  }, 4);
  for (let index = 0; index < 4; index++) await timing.collectDevice({}).catch(() => undefined);
  assert.equal(timing.deviceMs.length, 4);
  assert.equal(timing.rssAtQuarter.length, 4);
  assert.ok(timing.rssBefore > 0);
});
