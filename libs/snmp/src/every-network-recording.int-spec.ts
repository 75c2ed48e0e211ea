import { listRecordings, OwnSnmpSimulator, snmpsimVenv } from '@yardmaster/testing-core';
import { COLLECTED_SUBTREES, openSnmpSession, runCollector, SNMP_COLLECTOR_TYPES } from './index';

// Every network recording of snmpsim-data 1.0.1, through every collector: none may fail the device (an SnmpError
// fails the test), and every warning but MIB_MISSING must be one of the data problems below, each looked at in the
// recording. The first run after installing the simulator indexes ~600,000 records (seconds with a C dbm: see the README).
const RECORDINGS = listRecordings(snmpsimVenv(), 'network/');

/** `collector code table-or-column` per recording: what the recording really holds. */
const EXPLAINED: Record<string, string[]> = {
  // Rows with a type or status and no address or port: the tables were cut while being recorded.
  'network/appliance/cisco-unknown-01': ['arp BAD_VALUE ipNetToMediaTable physAddress', 'mac_table BAD_VALUE dot1dTpFdbTable row'],
  'network/router/ruijie-n18010': ['arp BAD_VALUE ipNetToMediaTable physAddress'],
  'network/switch/h3c-comware-lsq1wcmd0-2509p61': ['arp BAD_VALUE ipNetToMediaTable physAddress', 'arp BAD_VALUE ipNetToPhysicalTable physAddress', 'ndp BAD_VALUE ipNetToPhysicalTable physAddress'],
  'network/switch/hpe-procurve-516733-b21': ['mac_table BAD_VALUE dot1qTpFdbTable row'],
  'network/switch/huawei-s12704': ['arp BAD_VALUE ipNetToMediaTable physAddress', 'mac_table BAD_VALUE dot1dTpFdbTable row'],
  'network/switch/ruijie-s5750-24gt12sfp': ['arp BAD_VALUE ipNetToMediaTable physAddress'],
  'network/wifi/ruijie-m18000': ['mac_table BAD_VALUE dot1qTpFdbTable row'],
  'network/wifi/sangfor-wac': ['arp BAD_VALUE ipNetToMediaTable physAddress'],
  // ipAddressPrefix is 0.0 (no prefix) for every address: kept as host addresses.
  'network/router/brocade-unknown-001': ['ip_addresses BAD_VALUE prefix length (ipAddressPrefix / ipAdEntNetMask)'],
  'network/switch/brocade-fiber-channel': ['ip_addresses BAD_VALUE prefix length (ipAddressPrefix / ipAdEntNetMask)'],
};

jest.setTimeout(300_000);

let simulator: OwnSnmpSimulator;

beforeAll(async () => {
  simulator = await OwnSnmpSimulator.start({ recordings: RECORDINGS, subtrees: COLLECTED_SUBTREES });
}, 1_800_000);

afterAll(() => simulator?.dispose());

it('finds the 74 network recordings of snmpsim-data 1.0.1', () => {
  expect(RECORDINGS).toHaveLength(74);
  expect(RECORDINGS).toEqual(expect.arrayContaining(['network/switch/cisco-c3560', 'network/router/juniper-mx960-13-3r9-13', 'network/wifi/ruijie-m18000']));
});

it.each(RECORDINGS)('%s: every collector answers, with explained warnings only', async (recording) => {
  const session = openSnmpSession({ host: simulator.host, port: simulator.port, credentials: { version: 'v2c', community: recording }, timeoutMs: 10_000 });
  const problems = new Set<string>();
  try {
    for (const type of SNMP_COLLECTOR_TYPES) {
      const { warnings } = await runCollector(session, type);
      for (const warning of warnings) if (warning.code !== 'MIB_MISSING') problems.add(`${warning.collector} ${warning.code} ${warning.oid}`);
    }
  } finally {
    session.close();
  }
  expect([...problems].sort()).toEqual(EXPLAINED[recording] ?? []);
});
