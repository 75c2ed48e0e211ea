import { SnmpError } from '../session/snmp-error';
import { FakeSnmpSession } from '../test-support/fake-snmp-session';
import { runCollector } from './run-collector';

const IF = '1.3.6.1.2.1.2.2.1';
const IFX = '1.3.6.1.2.1.31.1.1.1';

function twoInterfaces(): FakeSnmpSession {
  return new FakeSnmpSession()
    .set(`${IF}.2.1`, 'GigabitEthernet0/1').set(`${IF}.3.1`, 6).set(`${IF}.4.1`, 1500).set(`${IF}.5.1`, 1_000_000_000)
    .set(`${IF}.6.1`, Buffer.from([0, 0x1b, 0x2b, 1, 2, 3])).set(`${IF}.7.1`, 1).set(`${IF}.8.1`, 2)
    .set(`${IF}.2.2`, 'Port-channel1').set(`${IF}.3.2`, 161).set(`${IF}.7.2`, 2)
    .set(`${IFX}.1.1`, 'Gi0/1').set(`${IFX}.18.1`, 'uplink').set(`${IFX}.1.2`, 'Po1');
}

describe('collectors on bad device data', () => {
  it('reads a well-formed ifTable and ifXTable', async () => {
    const { records, warnings } = await runCollector(twoInterfaces(), 'interfaces');
    expect(warnings).toEqual([]);
    expect(records).toEqual([
      { ifIndex: 1, name: 'Gi0/1', ifDescr: 'GigabitEthernet0/1', type: 'ethernet', ifType: 6, enabled: true, operUp: false, mtu: 1500, speed: 1_000_000, macAddress: '00:1b:2b:01:02:03', description: 'uplink' },
      { ifIndex: 2, name: 'Po1', ifDescr: 'Port-channel1', type: 'lag', ifType: 161, enabled: false, operUp: false, mtu: null, speed: null, macAddress: null, description: null },
    ]);
  });

  it('leaves fields of the wrong type null instead of throwing', async () => {
    const session = twoInterfaces().set(`${IF}.4.1`, 'fifteen hundred').set(`${IF}.6.1`, 7).set(`${IF}.3.1`, 'ethernet');
    const { records } = await runCollector(session, 'interfaces');
    expect(records[0]).toMatchObject({ mtu: null, macAddress: null, ifType: null, type: 'other' });
  });

  it('keeps the rows of a truncated table and says which table and why', async () => {
    const session = twoInterfaces().stopWalk(`${IF}.2`, 1, { reason: 'OID_NOT_INCREASING', detail: `${IF}.2.1 after ${IF}.2.2` });
    const { records, warnings } = await runCollector(session, 'interfaces');
    expect(records.map((record) => record.ifIndex)).toEqual([1, 2]);
    expect(warnings).toEqual([{ code: 'TABLE_TRUNCATED', collector: 'interfaces', oid: IF, message: expect.stringContaining('ifDescr: OID_NOT_INCREASING') }]);
  });

  it('gives an empty result and MIB_MISSING for a device without the MIB', async () => {
    await expect(runCollector(new FakeSnmpSession(), 'lldp')).resolves.toEqual({
      records: [],
      warnings: [expect.objectContaining({ code: 'MIB_MISSING', collector: 'lldp', oid: '1.0.8802.1.1.2.1.4.1.1' })],
    });
  });

  it('skips malformed rows with one BAD_VALUE warning per column', async () => {
    const FDB = '1.3.6.1.2.1.17.4.3.1';
    const session = new FakeSnmpSession()
      .set(`${FDB}.2.0.17.34.51.68.85`, 3).set(`${FDB}.3.0.17.34.51.68.85`, 3)
      .set(`${FDB}.2.1.2.3`, 4).set(`${FDB}.2.1.2.4`, 4)
      .set('1.3.6.1.2.1.17.1.4.1.2.3', 10103);
    const { records, warnings } = await runCollector(session, 'mac_table');
    expect(records).toEqual([{ mac: '00:11:22:33:44:55', fdbId: null, vlan: null, bridgePort: 3, ifIndex: 10103, status: 'learned', source: 'dot1dTpFdbTable' }]);
    expect(warnings).toEqual([expect.objectContaining({ code: 'BAD_VALUE', message: expect.stringMatching(/^2 value\(s\) of dot1dTpFdbTable row/) })]);
  });

  it('resolves an LLDP local port by name, and by ifIndex when the agent has no lldpLocPortTable row', async () => {
    const REM = '1.0.8802.1.1.2.1.4.1.1';
    const session = twoInterfaces()
      .set('1.0.8802.1.1.2.1.3.7.1.3.7', 'Gi0/1')
      .set(`${REM}.9.0.7.1`, 'core-1').set(`${REM}.4.0.7.1`, 4).set(`${REM}.5.0.7.1`, Buffer.from([0, 1, 2, 3, 4, 5]))
      .set(`${REM}.9.0.2.1`, 'core-2');
    const { records } = await runCollector(session, 'lldp');
    expect([...records].sort((a, b) => a.localPortNum - b.localPortNum)).toEqual([
      expect.objectContaining({ localPortNum: 2, localIfIndex: 2, localInterface: 'Po1', remoteSystemName: 'core-2' }),
      expect.objectContaining({ localPortNum: 7, localIfIndex: 1, localInterface: 'Gi0/1', remoteSystemName: 'core-1', remoteChassisId: '00:01:02:03:04:05' }),
    ]);
  });

  it('turns an unforeseen failure into COLLECTOR_FAILED, and lets an unreachable agent fail the device', async () => {
    const broken = twoInterfaces().failWalk(IF, new TypeError('boom'));
    await expect(runCollector(broken, 'interfaces')).resolves.toEqual({ records: [], warnings: [{ code: 'COLLECTOR_FAILED', collector: 'interfaces', message: 'boom' }] });
    const unreachable = twoInterfaces().failWalk(IF, new SnmpError('SNMP_TIMEOUT', 'no answer'));
    await expect(runCollector(unreachable, 'interfaces')).rejects.toMatchObject({ code: 'SNMP_TIMEOUT' });
  });
});
