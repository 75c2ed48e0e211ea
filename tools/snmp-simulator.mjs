// `npm run snmp:simulator [-- <recording> ...]`: serves snmpsim-data recordings of real devices on 127.0.0.1 until
// Ctrl-C, so a collection plan can be tried without a lab (README: "Try a plan against simulated devices"). The v2c
// community of each device is its recording's name. Default: the four recordings the tests check value by value.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { explain, say } from './stack/console.mjs';
import { ROOT } from './stack/install.mjs';
import { ensureSnmpsim } from './stack/snmpsim.mjs';

const DEFAULT_RECORDINGS = ['network/switch/cisco-c3560', 'network/switch/cisco-n5000', 'network/switch/hpe-procurve-516733-b21', 'network/router/juniper-mx960-13-3r9-13'];

try {
  const recordings = process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT_RECORDINGS;
  ensureSnmpsim();
  // The built libraries: `npm start` (or `npm run build`) builds them.
  const require = createRequire(join(ROOT, 'package.json'));
  const { OwnSnmpSimulator } = require('@yardmaster/testing-core');
  const { COLLECTED_SUBTREES } = require('@yardmaster/snmp');
  say(`Starting snmpsim with ${recordings.length} recording(s) (the first start indexes them; later ones take seconds)…`);
  const simulator = await OwnSnmpSimulator.start({ recordings, subtrees: COLLECTED_SUBTREES });
  say(`SNMP agents at 127.0.0.1:${simulator.port} (UDP), SNMP v2c; the community picks the device:`);
  for (const recording of recordings) say(`  community ${recording}`);
  say('A device for it: primaryAddress "127.0.0.1/32", management { "protocol": "snmp", "port": ' + simulator.port + ', "credentialsRef": <a snmp_v2c set whose community is the recording> }');
  say('Ctrl-C stops it.');
  const stop = async () => {
    await simulator.dispose();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  setInterval(() => undefined, 1 << 30);
} catch (error) {
  process.stderr.write(`[yard] ${explain(error)}\n`);
  process.exit(1);
}
