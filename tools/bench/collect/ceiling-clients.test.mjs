import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, test } from 'node:test';
import { ceilingClient, countValues, findSnmpBulkWalk } from './ceiling-clients.mjs';

const empty = mkdtempSync(join(tmpdir(), 'yard-bench-empty-'));
const withTool = mkdtempSync(join(tmpdir(), 'yard-bench-tool-'));
const tool = join(withTool, 'snmpbulkwalk');
writeFileSync(tool, '#!/bin/sh\n');
chmodSync(tool, 0o755);
const notExecutable = mkdtempSync(join(tmpdir(), 'yard-bench-plain-'));
writeFileSync(join(notExecutable, 'snmpbulkwalk'), '');
after(() => [empty, withTool, notExecutable].forEach((directory) => rmSync(directory, { recursive: true, force: true })));
const fakeNetSnmp = { Version2c: 1, createSession: () => assert.fail('not called here') };

test('snmpbulkwalk is found in the first PATH directory holding an executable of that name', () => {
  assert.equal(findSnmpBulkWalk({ PATH: [empty, notExecutable, withTool].join(delimiter) }), tool);
  assert.equal(ceilingClient({ env: { PATH: withTool }, netSnmp: fakeNetSnmp }).name, 'snmpbulkwalk');
});

test('without snmpbulkwalk on PATH the bare net-snmp client sets the ceiling, and says how to get snmpbulkwalk', () => {
  assert.equal(findSnmpBulkWalk({ PATH: [empty, notExecutable].join(delimiter) }), null);
  assert.equal(findSnmpBulkWalk({}), null);
  const client = ceilingClient({ env: { PATH: empty }, netSnmp: fakeNetSnmp });
  assert.equal(client.name, 'net-snmp');
  assert.match(client.describe, /snmpbulkwalk is not on PATH.*apt-get install snmp/);
});

test('YARD_BENCH_NO_SNMPBULKWALK=1 picks the net-snmp client even where snmpbulkwalk is installed', () => {
  const env = { PATH: withTool, YARD_BENCH_NO_SNMPBULKWALK: '1' };
  assert.equal(findSnmpBulkWalk(env), null);
  assert.match(ceilingClient({ env, netSnmp: fakeNetSnmp }).describe, /YARD_BENCH_NO_SNMPBULKWALK=1/);
});

test("snmpbulkwalk's output counts a line per value, not the exception it prints for an OID without any", () => {
  const stdout = [
    '.1.3.6.1.2.1.2.2.1.2.1 "GigabitEthernet0/1"',
    '.1.3.6.1.2.1.2.2.1.2.2 "Vlan2',
    'continued"',
    '.1.3.6.1.2.1.47.1.1.1.1.11 No Such Object available on this agent at this OID',
    '.1.3.6.1.2.1.47.1.1.1.1.12 No Such Instance currently exists at this OID',
    '',
  ].join('\n');
  assert.equal(countValues(stdout), 2);
});
