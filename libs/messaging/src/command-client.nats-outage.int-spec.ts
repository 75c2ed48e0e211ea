/**
 * A command sent while NATS goes away, against a nats-server of the test's own that the test kills: the caller
 * hears SERVICE_UNAVAILABLE naming NATS and whether the command may have been acted on, not a silent service.
 */
import { ErrorCode, YardError } from '@yardmaster/contracts';
import { OwnNatsServer, waitFor } from '@yardmaster/testing-core';
import { z } from 'zod';
import { sendCommand } from './command-client';
import { serveCommand } from './command-server';
import { connectNats, type NatsConnection } from './nats-connection';
import { NatsLink } from './nats-link';

jest.setTimeout(60_000);

const SUBJECT = 'outage-test.cmd.start';
const START_CONTRACT = z.object({ run: z.string() });

describe('sendCommand while NATS goes away', () => {
  let server: OwnNatsServer;
  let caller: NatsConnection;
  let responder: NatsConnection;
  let link: NatsLink;

  beforeAll(async () => {
    server = await OwnNatsServer.start();
    caller = await connectNats(server.url, 'command-outage-caller');
    responder = await connectNats(server.url, 'command-outage-responder');
    link = new NatsLink(caller);
  });

  afterAll(async () => {
    await caller?.close();
    await responder?.close();
    await server?.dispose();
  });

  const address = () => `127.0.0.1:${server.port}`;
  const send = () =>
    sendCommand(caller, SUBJECT, { run: 'r-1' }, { timeoutMs: 3_000, serviceName: 'scheduler', nats: { link, address: address(), outcome: 'started' } });

  async function refusal(promise: Promise<unknown>): Promise<YardError> {
    const error = await promise.then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(YardError);
    expect((error as YardError).code).toBe(ErrorCode.ServiceUnavailable);
    return error as YardError;
  }

  it('says the run may have started when NATS went away after the command reached the service', async () => {
    let received!: () => void;
    const reached = new Promise<void>((resolve) => (received = resolve));
    // The service takes the command and would answer later: NATS dies in between.
    const subscription = serveCommand(responder, SUBJECT, 'scheduler', START_CONTRACT, () => {
      received();
      return new Promise(() => undefined);
    }, () => undefined);
    await responder.flush();

    const answer = refusal(send());
    await reached;
    await server.kill();
    const error = await answer;
    expect(error.message).toBe(
      `NATS at ${address()} went away before the scheduler answered, so the run may have started: send the request again with the same Idempotency-Key to get that run (or start it once).`,
    );
    expect(error.details).toEqual({ dependency: 'nats', address: address(), started: 'unknown', retryAfterSeconds: 5 });

    await server.start();
    await waitFor(async () => (link.isUp ? true : undefined), 15_000, 'the caller to reconnect');
    subscription.unsubscribe();
  });

  it('refuses without sending while NATS is down: the run was not started', async () => {
    await server.kill();
    await waitFor(async () => (link.isUp ? undefined : true), 15_000, 'the caller to see NATS gone');
    const error = await refusal(send());
    expect(error.message).toBe(`NATS at ${address()} cannot be reached, so the scheduler could not be asked. The run was not started. Try again later.`);
    expect(error.details).toEqual({ dependency: 'nats', address: address(), started: false, retryAfterSeconds: 5 });
    await server.start();
  });
});
