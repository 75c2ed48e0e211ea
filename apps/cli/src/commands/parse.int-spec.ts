import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The built `yard` bin as a user runs it: no server, no token, output on standard input. */
const BIN = join(__dirname, '..', '..', 'bin', 'yard.js');

describe('yard parse (the built bin)', () => {
  it('parses standard input into a JSON array and exits 0', () => {
    const output = 'Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(4)E10, RELEASE SOFTWARE (fc2)\nrouter1 uptime is 2 weeks, 3 days, 4 hours, 5 minutes\n';
    const result = spawnSync(process.execPath, [BIN, 'parse', '--platform', 'cisco_ios', '--command', 'show version'], {
      input: output,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, NO_COLOR: '1' },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const records = JSON.parse(result.stdout);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ version: '15.2(4)E10', hostname: 'router1', uptime_weeks: '2', software_image: 'C2960X-UNIVERSALK9-M' });
  });

  it('exits 10 with a message on stderr for an unknown command', () => {
    const result = spawnSync(process.execPath, [BIN, 'parse', '--platform', 'cisco_ios', '--command', 'show no such thing'], { input: '', encoding: 'utf8' });
    expect(result.status).toBe(10);
    expect(result.stderr).toContain('no template for platform "cisco_ios"');
  });
});
