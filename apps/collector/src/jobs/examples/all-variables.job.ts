import {
  booleanVar,
  choiceVar,
  fileVar,
  integerVar,
  ipAddressVar,
  ipAddressWithMaskVar,
  ipNetworkVar,
  Job,
  jsonVar,
  multiChoiceVar,
  multiObjectVar,
  objectVar,
  stringVar,
  textVar,
  type JobContext,
  type JobData,
} from '@yardmaster/job-sdk';

/** One variable of every type; each has a default or is optional, so the job also runs with no data at all. */
const variables = {
  hostname: stringVar({ label: 'Hostname', description: 'A single-line string', maxLength: 63, regex: '[A-Za-z0-9.-]+', default: 'edge-01' }),
  banner: textVar({ label: 'Banner', description: 'Multi-line text', maxLength: 2000, default: 'Authorised access only.\nAll activity is logged.' }),
  retries: integerVar({ label: 'Retries', description: 'A whole number', minValue: 0, maxValue: 10, default: 3 }),
  dryRun: booleanVar({ label: 'Dry run', description: 'A check box', default: true }),
  platform: choiceVar({
    label: 'Platform',
    description: 'One choice',
    choices: [
      ['ios', 'Cisco IOS'],
      ['eos', 'Arista EOS'],
      ['junos', 'Juniper Junos'],
    ] as const,
    default: 'eos',
  }),
  protocols: multiChoiceVar({
    label: 'Protocols',
    description: 'Several choices, at least one',
    choices: [
      ['ssh', 'SSH'],
      ['netconf', 'NETCONF'],
      ['snmp', 'SNMP'],
    ] as const,
    minSelections: 1,
    default: ['ssh', 'netconf'],
  }),
  managementAddress: ipAddressVar({ label: 'Management address', description: 'An IPv4 or IPv6 address, no mask', default: '192.0.2.10' }),
  loopback: ipAddressWithMaskVar({ label: 'Loopback', description: 'An address with its prefix length', default: '2001:db8::1/128' }),
  managementNetwork: ipNetworkVar({
    label: 'Management network',
    description: 'A network with host bits zero and a prefix length from 8 to 64',
    minPrefixLength: 8,
    maxPrefixLength: 64,
    default: '192.0.2.0/24',
  }),
  settings: jsonVar({ label: 'Settings', description: 'Any JSON value', default: { timeoutSeconds: 30, vrfs: ['mgmt'] } }),
  site: objectVar({ model: 'site', label: 'Site', description: 'One inventory record, by id', required: false, nullOption: 'Any site' }),
  devices: multiObjectVar({
    model: 'device',
    label: 'Devices',
    description: "Active devices of the chosen site, by id: the filter uses the site variable's value",
    required: false,
    queryFilters: { site: '$site', status: 'active' },
  }),
  configFile: fileVar({ label: 'Config file', description: 'An uploaded file, kept only for the run', required: false, maxSizeBytes: 64 * 1024 }),
};

/** Shows every variable type: logs each value as the job received it and returns them all. */
export class AllVariables extends Job<typeof variables> {
  static override readonly meta = { name: 'All variables', description: 'Declares one variable of every type and logs what it received.' };
  static override readonly variables = variables;

  run(data: JobData<typeof variables>, context: JobContext) {
    for (const [name, value] of Object.entries(data)) {
      const shown = value && typeof value === 'object' && 'name' in value ? `${String(value.name)}` : JSON.stringify(value);
      context.logger.info(`${name} (${variables[name as keyof typeof variables].type}) = ${shown}`);
    }
    context.logger.success(
      `${data.hostname}: ${data.protocols.length} protocol(s) on ${data.platform}, managed at ${data.managementAddress} in ${data.managementNetwork}`,
    );
    const { configFile, site, devices, ...scalars } = data;
    return { received: { ...scalars, site: site?.name ?? null, devices: devices?.map((device) => device.name) ?? [], configFile: configFile?.name ?? null } };
  }
}
