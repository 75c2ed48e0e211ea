/**
 * The launcher (tools/stack/temporal.mjs) sets how long Temporal keeps run histories: checked against a Temporal dev
 * server of the test's own, whose namespace starts with the dev server's default of one day.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { OwnTemporalServer } from '@yardmaster/testing-core';

jest.setTimeout(90_000);

const REPOSITORY_ROOT = join(__dirname, '..', '..', '..', '..');
const DAY_SECONDS = 24 * 3600;

let temporal: OwnTemporalServer;

beforeAll(async () => {
  temporal = await OwnTemporalServer.start();
});

afterAll(async () => {
  await temporal?.dispose();
});

async function retentionDaysOf(address: string): Promise<number> {
  const connection = await Connection.connect({ address });
  try {
    const { config } = await connection.workflowService.describeNamespace({ namespace: 'default' });
    return Number(config?.workflowExecutionRetentionTtl?.seconds ?? 0) / DAY_SECONDS;
  } finally {
    await connection.close();
  }
}

it('sets the namespace retention to the days it is given, where the dev server keeps histories one day', async () => {
  expect(await retentionDaysOf(temporal.address)).toBe(1);

  const script = `const m = await import('./tools/stack/temporal.mjs'); await m.setTemporalRetention(${JSON.stringify(temporal.address)}, 'default', 30);`;
  await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: REPOSITORY_ROOT });

  expect(await retentionDaysOf(temporal.address)).toBe(30);
});
