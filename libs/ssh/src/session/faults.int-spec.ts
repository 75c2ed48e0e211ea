import { createServer, type Server, type Socket } from 'node:net';
import { utils } from 'ssh2';
import type { SshCredentials } from '@yardmaster/contracts';
import { InMemoryHostKeyStore } from '../host-keys/in-memory-host-key-store';
import { ScriptedSshServer, type CliScript } from '@yardmaster/testing-core';
import { openSshSession } from './open-ssh-session';
import { SshError } from './ssh-error';
import type { SshTarget } from './ssh-target';

jest.setTimeout(30_000);

const USER = { username: 'netops', password: 'lab-password-1' };
const CREDENTIALS: SshCredentials = { kind: 'ssh', name: 'lab', username: USER.username, password: USER.password, privateKey: null, passphrase: null, enableSecret: 'enable-1' };
const VERSION = 'Cisco IOS Software, Version 15.2(4)E7\nfault-r1 uptime is 2 weeks';
const SCRIPT: CliScript = {
  prompt: 'fault-r1>',
  banner: '*** lab device ***',
  enableSecret: 'enable-1',
  commands: {
    'terminal length 0': { output: '' },
    'terminal width 511': { output: '' },
    'show version': { output: VERSION },
    'show never-returns': { hang: true },
    'show half': { output: 'Port      Name     Status\nGi0/1     uplink   connected', thenCloseChannel: true },
    'show drop': { dropConnection: true },
  },
};
// Short timeouts: every fault must end the test in well under a second or two.
const TIMEOUTS = { connectMs: 2_000, commandMs: 1_500, idleMs: 10_000 };

// An encrypted key: the set holds it with its passphrase.
const USER_KEY = utils.generateKeyPairSync('ed25519', { passphrase: 'key-passphrase-1', cipher: 'aes256-ctr', rounds: 2 });
let server: ScriptedSshServer;
let hostKeys: InMemoryHostKeyStore;

beforeAll(async () => {
  server = await ScriptedSshServer.start({ ...USER, authorizedKey: USER_KEY.public, script: SCRIPT });
});

afterAll(() => server?.stop());

beforeEach(() => {
  hostKeys = new InMemoryHostKeyStore();
});

function target(overrides: Partial<SshTarget> = {}): SshTarget {
  return { deviceId: 'fault-r1', host: server.host, port: server.port, platform: 'cisco_ios', credentials: CREDENTIALS, hostKeys, timeouts: TIMEOUTS, ...overrides };
}

async function failureOf(promise: Promise<unknown>): Promise<SshError> {
  const started = Date.now();
  const failure = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(SshError);
  // Nothing hangs: each fault is reported within its timeout and a margin.
  expect(Date.now() - started).toBeLessThan(5_000);
  return failure as SshError;
}

describe('a scripted SSH server on 127.0.0.1', () => {
  it('logs in with the password, enables with the secret, and runs commands on one session', async () => {
    const session = await openSshSession(target());
    try {
      expect(session.prompt).toBe('fault-r1#');
      expect(await session.runCommands(['show version', 'show version'])).toEqual(new Map([['show version', VERSION]]));
      expect(server.shells).toHaveLength(1);
      expect(server.shells[0].received).toEqual(['', 'enable', '<secret>', 'terminal length 0', 'terminal width 511', 'show version', 'show version']);
    } finally {
      session.close();
    }
  });

  it('logs in with a private key and its passphrase; a wrong passphrase is SSH_BAD_CREDENTIALS', async () => {
    const keyOnly: SshCredentials = { ...CREDENTIALS, password: null, privateKey: USER_KEY.private, passphrase: 'key-passphrase-1' };
    const session = await openSshSession(target({ credentials: keyOnly }));
    try {
      expect(await session.runCommand('show version')).toBe(VERSION);
    } finally {
      session.close();
    }
    const failure = await failureOf(openSshSession(target({ credentials: { ...keyOnly, passphrase: 'not-the-passphrase' } })));
    expect(failure.code).toBe('SSH_BAD_CREDENTIALS');
    expect(failure.message).not.toContain('not-the-passphrase');
  });

  it('fails a wrong password with SSH_AUTH_FAILED naming the user, never the password', async () => {
    const failure = await failureOf(openSshSession(target({ credentials: { ...CREDENTIALS, password: 'wrong-password-7' } })));
    expect(failure.code).toBe('SSH_AUTH_FAILED');
    expect(failure.message).toContain('"netops"');
    expect(failure.message).not.toContain('wrong-password-7');
  });

  it('records the host key on first use, then refuses a changed key with SSH_HOST_KEY_CHANGED naming both fingerprints', async () => {
    (await openSshSession(target())).close();
    expect(await hostKeys.find('fault-r1')).toMatchObject(server.hostKey);
    const replaced = await ScriptedSshServer.start({ ...USER, script: SCRIPT });
    try {
      const failure = await failureOf(openSshSession(target({ port: replaced.port })));
      expect(failure.code).toBe('SSH_HOST_KEY_CHANGED');
      expect(failure.message).toContain(server.hostKey.fingerprint);
      expect(failure.message).toContain(replaced.hostKey.fingerprint);
      expect(replaced.shells).toHaveLength(0);
      // The operator accepts the new key by forgetting the old one: the next connection records the new key.
      hostKeys.forget('fault-r1');
      (await openSshSession(target({ port: replaced.port }))).close();
      expect(await hostKeys.find('fault-r1')).toMatchObject(replaced.hostKey);
    } finally {
      await replaced.stop();
    }
  });

  it('fails a command that never returns with SSH_COMMAND_TIMEOUT after the command timeout, and closes the session', async () => {
    const session = await openSshSession(target());
    const failure = await failureOf(session.runCommand('show never-returns'));
    expect(failure).toMatchObject({ code: 'SSH_COMMAND_TIMEOUT', message: expect.stringContaining('"show never-returns"') });
    await expect(session.runCommand('show version')).rejects.toBe(failure);
  });

  it('fails output that stops half way (the channel closes mid-output) with SSH_OUTPUT_TRUNCATED', async () => {
    const session = await openSshSession(target());
    expect(await session.runCommand('show version')).toBe(VERSION);
    const failure = await failureOf(session.runCommand('show half'));
    expect(failure).toMatchObject({ code: 'SSH_OUTPUT_TRUNCATED', message: expect.stringContaining('"show half"') });
  });

  it('fails a connection dropped mid-session with SSH_CONNECTION_DROPPED', async () => {
    const session = await openSshSession(target());
    expect(await session.runCommand('show version')).toBe(VERSION);
    const failure = await failureOf(session.runCommand('show drop'));
    expect(failure).toMatchObject({ code: 'SSH_CONNECTION_DROPPED', message: expect.stringContaining('"show drop"') });
    await expect(session.runCommand('show version')).rejects.toMatchObject({ code: 'SSH_CONNECTION_DROPPED' });
  });

  it('closes the session when its AbortSignal fires: the running command fails with SSH_CANCELLED', async () => {
    const controller = new AbortController();
    const session = await openSshSession(target({ signal: controller.signal }));
    const running = failureOf(session.runCommand('show never-returns'));
    setTimeout(() => controller.abort(), 100);
    expect(await running).toMatchObject({ code: 'SSH_CANCELLED' });
    await expect(openSshSession(target({ signal: controller.signal }))).rejects.toMatchObject({ code: 'SSH_CANCELLED' });
  });
});

describe('devices that cannot be reached', () => {
  let silent: Server;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    // Accepts TCP and never speaks: a box whose SSH daemon hangs, or a proxy with nothing behind it.
    silent = createServer((socket) => sockets.add(socket.on('error', () => undefined)));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('fails with SSH_CONNECT_TIMEOUT when the handshake does not finish within the connect timeout', async () => {
    const port = (silent.address() as { port: number }).port;
    const failure = await failureOf(openSshSession(target({ port, timeouts: { ...TIMEOUTS, connectMs: 500 } })));
    expect(failure).toMatchObject({ code: 'SSH_CONNECT_TIMEOUT', message: expect.stringContaining('500 ms') });
  });

  it('fails with SSH_CONNECTION_REFUSED when nothing listens', async () => {
    const closed = createServer();
    const port = await new Promise<number>((resolve) => closed.listen(0, '127.0.0.1', () => resolve((closed.address() as { port: number }).port)));
    await new Promise((resolve) => closed.close(resolve));
    expect(await failureOf(openSshSession(target({ port })))).toMatchObject({ code: 'SSH_CONNECTION_REFUSED' });
  });

  it('fails with SSH_UNSUPPORTED_PLATFORM before connecting for a platform it has no driver for', async () => {
    expect(await failureOf(openSshSession(target({ platform: 'cisco_xr' })))).toMatchObject({ code: 'SSH_UNSUPPORTED_PLATFORM', message: expect.stringContaining('"cisco_xr"') });
  });

  it('fails with SSH_UNKNOWN_HOST when the name has no address', async () => {
    expect(await failureOf(openSshSession(target({ host: 'no-such-device.invalid' })))).toMatchObject({ code: 'SSH_UNKNOWN_HOST', message: expect.stringContaining('no-such-device.invalid') });
  });
});
