// The client that measures the simulator's ceiling for `npm run bench:collect`: what the agents give a bare client
// reading the same OIDs with the same max-repetitions, beside the plan run. snmpbulkwalk (net-snmp's C tools) when
// the machine has it; else a bare client of Node's `net-snmp` package (the library's own transport, none of
// Yardmaster's code), so the benchmark runs as committed on a machine without the `snmp` package.
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

/** Set to 1 to measure with the Node client even where snmpbulkwalk is installed (to try that path). */
export const NO_SNMPBULKWALK_VARIABLE = 'YARD_BENCH_NO_SNMPBULKWALK';
export const INSTALL_HINT = 'apt-get install snmp (Debian, Ubuntu), dnf install net-snmp-utils (Fedora), brew install net-snmp (macOS)';

/** The path of an executable `snmpbulkwalk` on PATH, or null (also when YARD_BENCH_NO_SNMPBULKWALK=1). */
export function findSnmpBulkWalk(env = process.env) {
  if (env[NO_SNMPBULKWALK_VARIABLE] === '1') return null;
  for (const directory of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(directory, 'snmpbulkwalk');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here: the next directory.
    }
  }
  return null;
}

/**
 * The ceiling client for this machine: `{ name, describe, walkDevice(device, oids) }`, where `walkDevice` walks
 * each OID in turn (as a collector walks its columns) with GETBULK, max-repetitions `maxRepetitions`, timeout 10 s,
 * one retry, and resolves to `{ values, failedWalks }`. `device` is `{ host, port, community }`.
 */
export function ceilingClient({ env = process.env, maxRepetitions = 20, netSnmp }) {
  const snmpbulkwalk = findSnmpBulkWalk(env);
  if (snmpbulkwalk) return snmpBulkWalkClient(snmpbulkwalk, maxRepetitions);
  const why = env[NO_SNMPBULKWALK_VARIABLE] === '1' ? `${NO_SNMPBULKWALK_VARIABLE}=1` : 'snmpbulkwalk is not on PATH';
  return netSnmpClient(netSnmp, maxRepetitions, why);
}

// One process per OID: net-snmp 5.9's snmpbulkwalk walks only the first OID it is given. Spawning is part of its
// cost (a few ms each), so values/s is the figure to compare.
function snmpBulkWalkClient(path, maxRepetitions) {
  const run = promisify(execFile);
  return {
    name: 'snmpbulkwalk',
    describe: `snmpbulkwalk (${path}, net-snmp's C tools; one process per OID)`,
    async walkDevice(device, oids) {
      let values = 0;
      let failedWalks = 0;
      for (const oid of oids) {
        const args = ['-v2c', '-c', device.community, `-Cr${maxRepetitions}`, '-t', '10', '-r', '1', '-On', '-Oq', `${device.host}:${device.port}`, oid];
        const { stdout } = await run(path, args, { maxBuffer: 64 * 1024 * 1024 }).catch((error) => {
          failedWalks += 1;
          return { stdout: error.stdout ?? '' };
        });
        values += countValues(stdout);
      }
      return { values, failedWalks };
    },
  };
}

// A line per value with -On -Oq (`.1.3.6… value`), except where the agent has none: snmpbulkwalk then GETs the OID
// itself and prints its exception (an absent table, e.g. ENTITY-MIB on a Junos box), which is not a value.
const NO_VALUE = /^\.[\d.]+ (No Such Object|No Such Instance|No more variables)/;
export function countValues(stdout) {
  return stdout.split('\n').filter((line) => line.startsWith('.') && !NO_VALUE.test(line)).length;
}

// One v2c session per device, its OIDs walked in turn with `subtree` (GETBULK from the OID until a value leaves
// its subtree or the agent says endOfMibView), as snmpbulkwalk walks each.
function netSnmpClient(snmp, maxRepetitions, why) {
  if (!snmp) throw new Error('The net-snmp package is needed to measure the ceiling without snmpbulkwalk');
  return {
    name: 'net-snmp',
    describe: `a bare Node net-snmp client (${why}; for snmpbulkwalk's ceiling: ${INSTALL_HINT})`,
    async walkDevice(device, oids) {
      const session = snmp.createSession(device.host, device.community, { port: device.port, version: snmp.Version2c, timeout: 10_000, retries: 1 });
      let values = 0;
      let failedWalks = 0;
      try {
        for (const oid of oids) {
          await new Promise((resolve) => {
            session.subtree(
              oid,
              maxRepetitions,
              (varbinds) => {
                values += varbinds.filter((varbind) => !snmp.isVarbindError(varbind)).length;
              },
              (error) => {
                if (error) failedWalks += 1;
                resolve();
              },
            );
          });
        }
      } finally {
        session.close();
      }
      return { values, failedWalks };
    },
  };
}
