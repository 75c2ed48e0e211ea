import { CancelledFailure } from '@temporalio/common';
import { CLI_PLATFORMS, type ParsedRecord } from '@yardmaster/cli-facts';
import { DeviceCollectionError } from '../device-collection-error';
import { collectOverCli, type ParseOutput } from './collect-over-cli';

const object = { type: 'device', id: 'd1', display: 'r1', url: '/api/inventory/devices/d1' } as const;

/** A session answering each command with its name, counting the commands sent. */
function fakeSession() {
  const sent: string[] = [];
  return { sent, run: async (command: string) => (sent.push(command), `output of ${command}`) };
}

function logger() {
  const warnings: string[] = [];
  return { warnings, warning: (message: string) => warnings.push(message) };
}

describe('collectOverCli', () => {
  it('sends each command once, however many collector types read it', async () => {
    const session = fakeSession();
    const parse: ParseOutput = (_platform, command) =>
      command === 'show interfaces' ? [{ interface: 'ge-0/0/0.1', admin_state: '', link_status: 'Up', mtu: '1500', local: '10.0.0.1', destination: '10.0.0.0/30' }] : [];
    const collected = await collectOverCli({ platform: CLI_PLATFORMS.juniper_junos, session, parse, collectorTypes: ['interfaces', 'ip_addresses'], logger: logger(), object, cancelled: () => false });
    expect(session.sent).toEqual(['show interfaces']);
    expect(collected.get('interfaces')).toHaveLength(1);
    expect(collected.get('ip_addresses')).toEqual([{ address: '10.0.0.1/30', interfaceName: 'ge-0/0/0.1', vrf: '' }]);
  });

  it('parses with the device\'s platform and the full command', async () => {
    const calls: [string, string, string][] = [];
    const parse: ParseOutput = (platform, command, output) => (calls.push([platform, command, output]), []);
    await collectOverCli({ platform: CLI_PLATFORMS.arista_eos, session: fakeSession(), parse, collectorTypes: ['facts'], logger: logger(), object, cancelled: () => false });
    expect(calls).toEqual([
      ['arista_eos', 'show version', 'output of show version'],
      ['arista_eos', 'show hostname', 'output of show hostname'],
    ]);
  });

  it('skips the types SSH does not collect, with a warning, and logs the mappings\' warnings', async () => {
    const log = logger();
    const parse: ParseOutput = () => [{ interface: 'Tunnel0', ip_address: ['198.51.100.1'], prefix_length: [] } as ParsedRecord];
    const collected = await collectOverCli({ platform: CLI_PLATFORMS.cisco_ios, session: fakeSession(), parse, collectorTypes: ['bgp', 'ip_addresses'], logger: log, object, cancelled: () => false });
    expect([...collected.keys()]).toEqual(['ip_addresses']);
    expect(log.warnings).toEqual(['Skipped bgp: SSH collection does not collect it (SNMP does)', 'ip_addresses: Tunnel0: not an address with a prefix length: 198.51.100.1/?']);
  });

  it('fails the device with UNPARSEABLE_OUTPUT naming the command and the template\'s complaint', async () => {
    const parse: ParseOutput = () => {
      throw new Error('TEXTFSM_ERROR_RULE: cisco_ios_show_version.textfsm line 12: unexpected line');
    };
    const failure = await collectOverCli({ platform: CLI_PLATFORMS.cisco_ios, session: fakeSession(), parse, collectorTypes: ['facts'], logger: logger(), object, cancelled: () => false }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeviceCollectionError);
    expect(failure).toMatchObject({ code: 'UNPARSEABLE_OUTPUT', retryable: false });
    expect((failure as Error).message).toBe('The answer to "show version" could not be parsed: TEXTFSM_ERROR_RULE: cisco_ios_show_version.textfsm line 12: unexpected line');
  });

  it('leaves out a type whose answer cannot be parsed, with a warning, and collects the others', async () => {
    const log = logger();
    const parse: ParseOutput = (_platform, command) => {
      if (command === 'show version') throw new Error('State Error raised (rule on template line 26, input line 1: "cEOSLab")');
      return [];
    };
    const collected = await collectOverCli({ platform: CLI_PLATFORMS.arista_eos, session: fakeSession(), parse, collectorTypes: ['facts', 'interfaces'], logger: log, object, cancelled: () => false });
    expect([...collected.keys()]).toEqual(['interfaces']);
    expect(log.warnings).toEqual(['facts: UNPARSEABLE_OUTPUT: The answer to "show version" could not be parsed: State Error raised (rule on template line 26, input line 1: "cEOSLab")']);
  });

  it('sends nothing more once the run is cancelled', async () => {
    const session = fakeSession();
    let cancelled = false;
    const parse: ParseOutput = () => ((cancelled = true), []);
    const outcome = collectOverCli({ platform: CLI_PLATFORMS.cisco_ios, session, parse, collectorTypes: ['facts', 'interfaces'], logger: logger(), object, cancelled: () => cancelled });
    await expect(outcome).rejects.toBeInstanceOf(CancelledFailure);
    expect(session.sent).toEqual(['show version']);
  });
});
