// `npm run fake:devices [-- --per-platform N] [--platforms cisco_ios,juniper_junos]`: fake network devices (PyPI
// fakenos) on 127.0.0.1, N of each platform (1 unless given) on ports of their own, until Ctrl-C, so that SSH
// collection can be tried without a lab (README: "SSH collection"). Prints each device's address and the login.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { explain, say } from './stack/console.mjs';
import { ensureFakenos } from './stack/fakenos.mjs';
import { ROOT } from './stack/install.mjs';

try {
  const { values } = parseArgs({ options: { 'per-platform': { type: 'string', default: '1' }, platforms: { type: 'string' } } });
  const perPlatform = Number(values['per-platform']);
  if (!Number.isInteger(perPlatform) || perPlatform < 1 || perPlatform > 500) throw new Error(`--per-platform must be a whole number from 1 to 500, not ${values['per-platform']}`);
  ensureFakenos();
  // The built libraries: `npm start` (or `npm run build`) builds them.
  const require = createRequire(join(ROOT, 'package.json'));
  const { OwnFakeDevices, FAKE_DEVICE_PLATFORMS } = require('@yardmaster/testing-core');
  const platforms = values.platforms ? values.platforms.split(',').map((name) => name.trim()) : FAKE_DEVICE_PLATFORMS;
  const unknown = platforms.filter((name) => !FAKE_DEVICE_PLATFORMS.includes(name));
  if (unknown.length > 0) throw new Error(`Unknown platform(s) ${unknown.join(', ')}: choose from ${FAKE_DEVICE_PLATFORMS.join(', ')}`);
  say(`Starting ${platforms.length * perPlatform} fake device(s) (fakenos)…`);
  const fakes = await OwnFakeDevices.start({ platforms, perPlatform, username: 'netops', password: 'fakenos' });
  say(`Fake devices on ${fakes.host}, SSH user ${fakes.username}, password ${fakes.password} (no enable secret needed):`);
  for (const device of fakes.devices) say(`  ${device.name.padEnd(28)} ${device.platform.padEnd(14)} ssh -p ${device.port} ${fakes.username}@${fakes.host}`);
  say('A credential set for them: { "name": "fakenos", "kind": "ssh", "username": "netops", "password": "fakenos" }');
  say('A device: primaryAddress "127.0.0.1/32", a platform whose networkDriver is the device\'s platform, management { "protocol": "ssh", "port": <its port>, "credentialsRef": "fakenos" }');
  say('Ctrl-C stops them.');
  const stop = async () => {
    await fakes.dispose();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  setInterval(() => undefined, 1 << 30);
} catch (error) {
  process.stderr.write(`[yard] ${explain(error)}\n`);
  process.exit(1);
}
