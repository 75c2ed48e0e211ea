import type { TemplateLibrary } from '@yardmaster/textfsm';
import { InMemoryHostKeyStore } from '@yardmaster/ssh';
import { sshCliAccess } from './ssh-cli-access';

function library(): TemplateLibrary {
  return { parse: () => [], choose: () => null } as unknown as TemplateLibrary;
}

describe('sshCliAccess over a real socket', () => {
  it('fails a session to a port nothing listens on as unreachable, within the connect timeout', async () => {
    const access = sshCliAccess({ hostKeys: new InMemoryHostKeyStore(), timeouts: { connectMs: 2_000, commandMs: 30_000, idleMs: 60_000 }, templates: library });
    const credentials = { kind: 'ssh', name: 'lab', username: 'u', password: 'p', privateKey: null, passphrase: null } as const;
    const failure = await access
      .open({ deviceId: 'd1', deviceName: 'r1', host: '127.0.0.1', port: 1, platform: 'cisco_ios', credentials, signal: new AbortController().signal, commandTimeoutMs: 5_000 })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'SSH_CONNECTION_REFUSED' });
  });
});
