/** connectNats against nats-servers of the test's own that ask for credentials: the URL's must reach the server. */
import { OwnNatsServer } from '@yardmaster/testing';
import { connectNats } from './nats-connection';

jest.setTimeout(30_000);

async function roundTripThrough(url: string): Promise<void> {
  const nc = await connectNats(url, 'nats-connection-int-spec');
  try {
    await nc.flush();
  } finally {
    await nc.close();
  }
}

describe('connectNats with credentials in the URL', () => {
  describe('user and password', () => {
    let server: OwnNatsServer;
    beforeAll(async () => (server = await OwnNatsServer.start({ user: 'yard', pass: 'p:ss/w0rd' })));
    afterAll(() => server?.dispose());

    it('connects with the URL’s user and password (percent-encoded in the URL)', async () => {
      await expect(roundTripThrough(`nats://yard:p%3Ass%2Fw0rd@127.0.0.1:${server.port}`)).resolves.toBeUndefined();
    });

    it('is refused with a wrong password, and the error does not show the password', async () => {
      const refused = await roundTripThrough(`nats://yard:wrong-secret@127.0.0.1:${server.port}`).then(
        () => null,
        (error: Error) => error,
      );

      expect(refused?.message).toMatch(/authorization/i);
      expect(`${refused?.message} ${refused?.stack}`).not.toContain('wrong-secret');
    });
  });

  describe('token', () => {
    let server: OwnNatsServer;
    beforeAll(async () => (server = await OwnNatsServer.start({ token: 's3cr3t-t0ken' })));
    afterAll(() => server?.dispose());

    it('connects with the URL’s token', async () => {
      await expect(roundTripThrough(`nats://s3cr3t-t0ken@127.0.0.1:${server.port}`)).resolves.toBeUndefined();
    });

    it('is refused without it', async () => {
      await expect(roundTripThrough(server.url)).rejects.toThrow(/authorization/i);
    });
  });
});
