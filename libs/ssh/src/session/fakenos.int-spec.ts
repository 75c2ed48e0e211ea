import type { SshCredentials } from '@yardmaster/contracts';
import { OwnFakeDevices, type FakeDevicePlatform } from '@yardmaster/testing-core';
import { InMemoryHostKeyStore } from '../host-keys/in-memory-host-key-store';
import { openSshSession } from './open-ssh-session';

jest.setTimeout(120_000);

/** A few commands of each platform that collectors will run, fakenos' canned output for each. */
const COMMANDS: Record<FakeDevicePlatform, string[]> = {
  cisco_ios: ['show version', 'show interfaces', 'show ip arp', 'show inventory', 'show lldp neighbors detail', 'show mac-address-table'],
  cisco_nxos: ['show version', 'show interface', 'show ip arp', 'show inventory', 'show lldp neighbors detail', 'show mac address-table'],
  arista_eos: ['show version', 'show interfaces', 'show ip arp', 'show inventory', 'show lldp neighbors detail', 'show mac address-table'],
  juniper_junos: ['show version', 'show interfaces', 'show arp no-resolve', 'show chassis hardware', 'show lldp neighbors', 'show ethernet-switching table'],
};
/** Where each platform's session ends up: IOS and EOS in enable mode; NX-OS and Junos as they log in. */
const READY_PROMPT_ENDING: Record<FakeDevicePlatform, string> = { cisco_ios: '#', arista_eos: '#', cisco_nxos: '>', juniper_junos: '>' };

let fakes: OwnFakeDevices;

beforeAll(async () => {
  fakes = await OwnFakeDevices.start({ perPlatform: 1, namePrefix: 'ssh-it' });
});

afterAll(() => fakes?.dispose());

describe.each(Object.keys(COMMANDS) as FakeDevicePlatform[])('fakenos %s over SSH on 127.0.0.1', (platform) => {
  it('logs in, pins the host key, turns paging off, and returns each command exactly as the fake device holds it', async () => {
    const device = fakes.devices.find((candidate) => candidate.platform === platform)!;
    const credentials: SshCredentials = { kind: 'ssh', name: 'fakenos', username: fakes.username, password: fakes.password, privateKey: null, passphrase: null, enableSecret: null };
    const hostKeys = new InMemoryHostKeyStore();
    const session = await openSshSession({ deviceId: device.name, host: device.host, port: device.port, platform, credentials, hostKeys });
    try {
      expect(session.prompt).toBe(`${device.name}${READY_PROMPT_ENDING[platform]}`);
      const expected = await fakes.cannedOutput(device, COMMANDS[platform]);
      const outputs = await session.runCommands(COMMANDS[platform]);
      for (const command of COMMANDS[platform]) {
        expect({ command, output: outputs.get(command) }).toEqual({ command, output: expected[command] });
        expect(expected[command].length).toBeGreaterThan(100);
      }
      // fakenos serves one RSA key (its built-in default) on every device.
      expect(await hostKeys.find(device.name)).toMatchObject({ algorithm: 'ssh-rsa', fingerprint: expect.stringMatching(/^SHA256:[A-Za-z0-9+/]{43}$/) });
    } finally {
      session.close();
    }
  });
});
