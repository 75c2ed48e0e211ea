import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, waitForPort } from '../own-servers/free-port';
import { OwnedProcess } from '../own-servers/owned-process';
import { fakenosVenv } from './fakenos-install';

/** The platforms fakenos serves that the SSH driver knows (fakenos serves about 40). */
export const FAKE_DEVICE_PLATFORMS = ['cisco_ios', 'cisco_nxos', 'arista_eos', 'juniper_junos'] as const;
export type FakeDevicePlatform = (typeof FAKE_DEVICE_PLATFORMS)[number];

export interface FakeDevice {
  /** Also its prompt's base: fakenos prompts `<name>>` at login. */
  readonly name: string;
  readonly platform: FakeDevicePlatform;
  readonly host: string;
  readonly port: number;
}

export interface FakeDevicesOptions {
  readonly platforms?: readonly FakeDevicePlatform[];
  /** Devices of each platform; 1 unless given. */
  readonly perPlatform?: number;
  readonly username?: string;
  readonly password?: string;
  /** Prefix of the device names (`<prefix>-<platform>-<n>`); `fake` unless given. */
  readonly namePrefix?: string;
}

// fakenos' own code answers what a device prints: the NOS definition the server loads (YAML, then the Python module
// of the same platform over it), callables rendered as the shell renders them, lines as the shell writes them.
const CANNED_OUTPUT = `
import json, sys
from fakenos.core.nos import Nos
from fakenos.plugins.nos import nos_plugins
platform, name, commands = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
nos = Nos(filename=nos_plugins[platform])
prompt = nos.initial_prompt.format(base_prompt=name)
answers = {}
for command in commands:
    output = nos.commands[command]["output"]
    if callable(output):
        output = output(nos.device, base_prompt=name, current_prompt=prompt, command=command)
        if isinstance(output, dict):
            output = output["output"]
    text = "" if output is None else str(output).replace("{base_prompt}", name)
    answers[command] = "\\n".join(text.splitlines())
print(json.dumps(answers))
`;

/**
 * fakenos processes of the test's own: one process serving every device, each on 127.0.0.1 and a free port of its
 * own, password login. Stop them with `dispose()`.
 */
export class OwnFakeDevices {
  readonly host = '127.0.0.1';

  private constructor(
    readonly devices: readonly FakeDevice[],
    readonly username: string,
    readonly password: string,
    private readonly process: OwnedProcess,
    private readonly folder: string,
    private readonly venv: string,
  ) {}

  static async start(options: FakeDevicesOptions = {}): Promise<OwnFakeDevices> {
    const venv = fakenosVenv();
    const platforms = options.platforms ?? FAKE_DEVICE_PLATFORMS;
    const perPlatform = options.perPlatform ?? 1;
    const username = options.username ?? 'netops';
    const password = options.password ?? 'fake-devices-password';
    const prefix = options.namePrefix ?? 'fake';
    const devices: FakeDevice[] = [];
    const taken = new Set<number>();
    for (const platform of platforms) {
      for (let n = 1; n <= perPlatform; n++) {
        let port = await freePort();
        while (taken.has(port)) port = await freePort();
        taken.add(port);
        devices.push({ name: `${prefix}-${platform.replace('_', '-')}-${n}`, platform, host: '127.0.0.1', port });
      }
    }
    const folder = mkdtempSync(join(tmpdir(), 'yard-fakenos-'));
    const inventory = {
      default: { username, password, server: { plugin: 'ParamikoSshServer', configuration: { address: '127.0.0.1', timeout: 1 } } },
      hosts: Object.fromEntries(devices.map((device) => [device.name, { port: device.port, platform: device.platform }])),
    };
    // JSON is YAML: fakenos reads its inventory from a .yaml file.
    const inventoryFile = join(folder, 'inventory.yaml');
    writeFileSync(inventoryFile, JSON.stringify(inventory, null, 2));
    const owned = new OwnedProcess(join(venv, 'bin', 'fakenos'), ['--inventory', inventoryFile, '--log-level', 'WARNING']);
    const fakes = new OwnFakeDevices(devices, username, password, owned, folder, venv);
    owned.spawn();
    try {
      for (const device of devices) {
        if (!owned.isRunning) throw new Error(`fakenos exited before listening:\n${owned.logs}`);
        await waitForPort(device.port, 60_000, `fakenos device ${device.name}`);
      }
    } catch (error) {
      await fakes.dispose();
      throw error;
    }
    return fakes;
  }

  /** What `device` prints for each command, as fakenos defines it (lines joined by `\n`, no trailing newline). */
  async cannedOutput(device: FakeDevice, commands: readonly string[]): Promise<Record<string, string>> {
    const { stdout } = await promisify(execFile)(join(this.venv, 'bin', 'python'), ['-c', CANNED_OUTPUT, device.platform, device.name, JSON.stringify(commands)], { maxBuffer: 64 * 1024 * 1024 });
    return JSON.parse(stdout) as Record<string, string>;
  }

  get logs(): string {
    return this.process.logs;
  }

  async dispose(): Promise<void> {
    // fakenos stops its servers on Ctrl-C (KeyboardInterrupt); SIGKILL after 5 s if it does not.
    await this.process.stop('SIGINT', 5_000);
    rmSync(this.folder, { recursive: true, force: true });
  }
}
