/**
 * The published event contract, used from another process as the README shows it: the example consumer (Python,
 * nats-py: examples/consumers/follow_run_endings.py) follows the shared stack's run events and prints a run's ending,
 * for a run that completes and one that errors; and the API serves the contract at /api/events-doc, equal to the
 * committed docs/events.asyncapi.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '@yardmaster/testing';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..');

describe('the event contract, from another process', () => {
  let stack: YardmasterStack;
  let consumer: ChildProcess;
  let printed = '';

  beforeAll(async () => {
    stack = await YardmasterStack.shared();
    const python = process.env.EVENT_CONSUMER_PYTHON;
    if (!python) throw new Error('EVENT_CONSUMER_PYTHON is not set: npm test installs nats-py into .yard/event-consumer (tools/stack/event-consumer.mjs) and sets it');
    consumer = spawn(python, [join(ROOT, 'examples', 'consumers', 'follow_run_endings.py'), '--nats', stack.dependencies.natsUrl, '--instance', stack.instance], { stdio: ['ignore', 'pipe', 'pipe'] });
    consumer.stdout!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    consumer.stderr!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    await waitFor(async () => (printed.includes('Following') ? true : undefined), 30_000, 'the consumer following the runs stream');
  });

  afterAll(async () => {
    consumer?.kill('SIGTERM');
    await stack?.stop();
  });

  it('prints the ending of each run as it happens: its job, its status and, for an error, the message', async () => {
    const hello = await stack.admin.startRun('examples.HelloWorld', { data: { name: 'contract', count: 1 } });
    const failing = await stack.admin.startRun('examples.FailOnPurpose', { data: { outcome: 'error', reason: 'on purpose for the contract' } });
    await stack.admin.waitForRunToEnd(hello, 60_000);
    await stack.admin.waitForRunToEnd(failing, 60_000);
    const lineOf = (runId: string) => waitFor(async () => printed.split('\n').find((line) => line.includes(`run ${runId}`)), 30_000, `the consumer's line for ${runId}`);
    expect(await lineOf(hello)).toMatch(new RegExp(`^\\S+Z  run ${hello}  examples\\.HelloWorld  completed  \\(requested by admin\\)$`));
    expect(await lineOf(failing)).toMatch(new RegExp(`run ${failing}  examples\\.FailOnPurpose  errored: .*on purpose for the contract.*  \\(requested by admin\\)$`));
  });

  it('serves the contract at /api/events-doc, without a token, equal to the committed document', async () => {
    const answer = await fetch(`${stack.apiUrl}/api/events-doc`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual(JSON.parse(readFileSync(join(ROOT, 'docs', 'events.asyncapi.json'), 'utf8')));
  });
});
