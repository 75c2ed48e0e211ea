// `npm run bench:ssh-sessions`: the SSH driver alone (no plan, no parsing) over fakenos devices on 127.0.0.1: for each
// of --devices devices (spread over the four platforms), --at-once at a time, it opens a session (connect, host key,
// login, enable where needed, paging off), runs the platform's --commands first show commands of a fixed list, and
// closes it. It prints devices/s, each device's time (p50, p99), the driver process's memory, and the rerun command.
// The plan-level figure of issue 14 (`bench:ssh`, a collection plan over ≥200 devices) builds on the collectors.
// Needs fakenos (`npm test` or `npm run stack:up` installs it) and a build (`npm run build`).
// Rerun: npm run bench:ssh-sessions [-- --devices 200 --at-once 20 --commands 3]
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureFakenos } from '../stack/fakenos.mjs';
import { ROOT } from '../stack/install.mjs';

const COMMANDS = {
  cisco_ios: ['show version', 'show interfaces', 'show ip arp', 'show inventory', 'show lldp neighbors detail'],
  cisco_nxos: ['show version', 'show interface', 'show ip arp', 'show inventory', 'show lldp neighbors detail'],
  arista_eos: ['show version', 'show interfaces', 'show ip arp', 'show inventory', 'show lldp neighbors detail'],
  juniper_junos: ['show version', 'show interfaces', 'show arp no-resolve', 'show chassis hardware', 'show lldp neighbors'],
};

const { values } = parseArgs({ options: { devices: { type: 'string', default: '200' }, 'at-once': { type: 'string', default: '20' }, commands: { type: 'string', default: '3' } } });
const devices = Number(values.devices);
const atOnce = Number(values['at-once']);
const commandCount = Number(values.commands);
if (![devices, atOnce, commandCount].every(Number.isInteger) || devices < 4 || atOnce < 1 || commandCount < 1 || commandCount > 5) {
  console.error('--devices (4 or more), --at-once (1 or more) and --commands (1 to 5) are whole numbers');
  process.exit(2);
}

ensureFakenos();
const require = createRequire(join(ROOT, 'package.json'));
const { OwnFakeDevices } = require('@yardmaster/testing-core');
const { openSshSession, InMemoryHostKeyStore } = require('@yardmaster/ssh');

const perPlatform = Math.ceil(devices / 4);
console.log(`Starting ${perPlatform * 4} fakenos devices…`);
const fakes = await OwnFakeDevices.start({ perPlatform, namePrefix: 'bench' });
try {
  const targets = fakes.devices.slice(0, devices);
  const credentials = { kind: 'ssh', name: 'bench', username: fakes.username, password: fakes.password, privateKey: null, passphrase: null, enableSecret: null };
  const hostKeys = new InMemoryHostKeyStore();
  const times = [];
  const failures = [];
  let next = 0;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(atOnce, targets.length) }, async () => {
      while (next < targets.length) {
        const device = targets[next++];
        const begun = performance.now();
        try {
          const session = await openSshSession({ deviceId: device.name, host: device.host, port: device.port, platform: device.platform, credentials, hostKeys });
          try {
            await session.runCommands(COMMANDS[device.platform].slice(0, commandCount));
          } finally {
            session.close();
          }
          times.push(performance.now() - begun);
        } catch (error) {
          failures.push(`${device.name}: ${error.code ?? ''} ${error.message}`);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  times.sort((a, b) => a - b);
  const percentile = (p) => (times.length ? times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] : NaN);
  console.log(`devices: ${targets.length} (${times.length} ok, ${failures.length} failed), ${atOnce} at once, ${commandCount} command(s) each`);
  console.log(`total: ${seconds.toFixed(1)} s, ${(times.length / seconds).toFixed(2)} devices/s`);
  console.log(`per device: p50 ${(percentile(50) / 1000).toFixed(2)} s, p99 ${(percentile(99) / 1000).toFixed(2)} s`);
  console.log(`driver process memory: peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MiB, heap used now ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MiB`);
  for (const failure of failures.slice(0, 10)) console.log(`  failed ${failure}`);
  console.log(`Rerun: npm run bench:ssh-sessions -- --devices ${devices} --at-once ${atOnce} --commands ${commandCount}`);
  process.exitCode = failures.length > 0 ? 1 : 0;
} finally {
  await fakes.dispose();
}
